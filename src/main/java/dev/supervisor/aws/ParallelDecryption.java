package dev.supervisor.aws;

import dev.supervisor.vault.VaultException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one remote decryption per distinct input with at most {@code concurrency} calls in flight, under one
 * deadline for the whole batch. A file often repeats a value (the same password in every environment), so
 * identical inputs are decrypted once. The first failure, or the deadline, cancels everything still running:
 * the supervisor is about to exit and should not keep KMS busy.
 */
final class ParallelDecryption {
    private final int concurrency;
    private final Duration timeout;

    ParallelDecryption(int concurrency, Duration timeout) {
        this.concurrency = concurrency;
        this.timeout = timeout;
    }

    /**
     * @param decryptOne throws {@link VaultException} for a value that cannot be decrypted
     * @param onTimeout  the exception to throw when the deadline passes
     */
    List<String> run(List<String> inputs, Function<String, String> decryptOne, Supplier<VaultException> onTimeout) {
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) firstIndex.putIfAbsent(inputs.get(i), i);
        if (firstIndex.isEmpty()) return List.of();

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, firstIndex.size()), daemonThreads());
        try {
            Map<String, String> plain = collect(firstIndex, decryptOne, onTimeout, pool);
            List<String> out = new ArrayList<>(inputs.size());
            for (String input : inputs) out.add(plain.get(input));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, String> collect(Map<String, Integer> firstIndex, Function<String, String> decryptOne,
                                        Supplier<VaultException> onTimeout, ExecutorService pool) {
        var completion = new ExecutorCompletionService<Map.Entry<String, String>>(pool);
        Map<Future<Map.Entry<String, String>>, Integer> indexOf = new HashMap<>();
        for (var entry : firstIndex.entrySet()) {
            String input = entry.getKey();
            indexOf.put(completion.submit(() -> Map.entry(input, decryptOne.apply(input))), entry.getValue());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> plain = new HashMap<>();
        for (int done = 0; done < firstIndex.size(); done++) {
            Future<Map.Entry<String, String>> next;
            try {
                next = completion.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw onTimeout.get();
            }
            if (next == null) throw onTimeout.get();
            try {
                var result = next.get();
                plain.put(result.getKey(), result.getValue());
            } catch (ExecutionException e) {
                int index = indexOf.get(next);
                if (e.getCause() instanceof VaultException v) throw v.atIndex(index);
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw onTimeout.get();
            }
        }
        return plain;
    }

    /** Daemon threads: a call stuck past the deadline must not keep the JVM alive. */
    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "kms-decrypt-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
