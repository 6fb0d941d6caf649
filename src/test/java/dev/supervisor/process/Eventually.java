package dev.supervisor.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Bounded polling: tests wait for what a child wrote, never for a fixed time. */
final class Eventually {
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private Eventually() {}

    static void await(String what, BooleanSupplier condition) {
        await(what, PATIENCE, condition);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            pause(10);
        }
    }

    /** The file's lines once it has at least {@code count} of them. */
    static List<String> lines(Path file, int count) {
        await(count + " line(s) in " + file.getFileName() + " (now: " + linesOf(file) + ")",
                () -> linesOf(file).size() >= count);
        return linesOf(file);
    }

    static String text(Path file) {
        lines(file, 1);
        return String.join("\n", linesOf(file));
    }

    static List<String> linesOf(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
