package dev.supervisor.servers;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: every wait on a real server has a deadline and says what it saw when it gives up. */
final class Await {
    /** Generous for a cold Ruby or Python boot on a busy 2-core CI machine; a passing run needs ~1 s. */
    static final Duration BOOT = Duration.ofSeconds(30);

    private Await() {}

    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n" + context.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
