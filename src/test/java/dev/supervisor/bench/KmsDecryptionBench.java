package dev.supervisor.bench;

import dev.supervisor.aws.AwsServices;
import dev.supervisor.aws.AwsSettings;
import dev.supervisor.testing.KmsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Wall time of the production KMS path ({@code AwsServices → KmsCryptor.decryptAll}, real SDK client,
 * signing and HTTP) for 100 distinct values against {@link KmsTestServer} with injected latency, per
 * concurrency. Each configuration gets its own server (its max-in-flight counter cannot be reset) and a
 * fresh {@link AwsServices} per repetition, as every supervisor start builds its client once.
 *
 * <p>Prints a Markdown table. Arguments: {@code values reps concurrency...} (defaults 100 5 1 16 34 100).
 */
public final class KmsDecryptionBench {
    private static final long[] LATENCIES_MS = {0, 20};

    private KmsDecryptionBench() {}

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer leaves Nagle on and writes response headers and body separately; with the
        // client's delayed ACK every call would wait ~40 ms that real KMS does not add.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int values = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Integer> concurrencies = new ArrayList<>();
        for (int i = 2; i < args.length; i++) concurrencies.add(Integer.parseInt(args[i]));
        if (concurrencies.isEmpty()) concurrencies.addAll(List.of(1, AwsSettings.DEFAULT_CONCURRENCY, 34, 100));

        // The very first batch of a fresh JVM: SDK classes, client build, cold JIT. This is the start-up case.
        double cold = coldFirstBatch(values, 20);
        System.out.println("| latency | concurrency | KMS calls | max in flight | median wall (ms) | min (ms) | round trips (wall / latency) | floor ⌈values / concurrency⌉ | CPU per batch (ms, client + test server) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (long latency : LATENCIES_MS) {
            for (int concurrency : concurrencies) {
                // Serial at 20 ms is 2 s a run: fewer repetitions keep the whole suite inside its budget.
                int n = latency > 0 && concurrency == 1 ? Math.min(reps, 3) : reps;
                System.out.println(row(values, latency, concurrency, n));
            }
        }
        System.out.printf("%nFirst batch in a fresh JVM (SDK load + client build + cold JIT), 20 ms, concurrency %d: %.0f ms (%.1f round trips)%n",
                AwsSettings.DEFAULT_CONCURRENCY, cold, cold / 20.0);
    }

    private static double coldFirstBatch(int values, long latency) throws Exception {
        try (KmsTestServer kms = new KmsTestServer()) {
            List<String> encrypted = encryptedValues(kms, values);
            kms.latency(latency);
            return timeOne(kms, encrypted, AwsSettings.DEFAULT_CONCURRENCY);
        }
    }

    private static String row(int values, long latency, int concurrency, int reps) throws Exception {
        try (KmsTestServer kms = new KmsTestServer()) {
            List<String> encrypted = encryptedValues(kms, values);
            kms.latency(latency);
            timeOne(kms, encrypted, concurrency); // warm-up: JIT, connection code paths
            int callsBefore = kms.calls();
            double[] ms = new double[reps];
            long cpuBefore = processCpuNanos();
            for (int i = 0; i < reps; i++) ms[i] = timeOne(kms, encrypted, concurrency);
            double cpuPerRun = (processCpuNanos() - cpuBefore) / 1e6 / reps;
            int callsPerRun = (kms.calls() - callsBefore) / reps;
            java.util.Arrays.sort(ms);
            double median = reps % 2 == 1 ? ms[reps / 2] : (ms[reps / 2 - 1] + ms[reps / 2]) / 2;
            String trips = latency == 0 ? "–" : String.format("%.1f", median / latency);
            int floor = (values + concurrency - 1) / concurrency;
            return String.format("| %d ms | %d | %d | %d | %.0f | %.0f | %s | %s | %.0f |", latency, concurrency,
                    callsPerRun, kms.maxInFlight(), median, ms[0], trips, latency == 0 ? "–" : Integer.toString(floor),
                    cpuPerRun);
        }
    }

    /** CPU time of this whole process (all threads): on a small machine the batch is bounded by it. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double timeOne(KmsTestServer kms, List<String> encrypted, int concurrency) {
        AwsSettings settings = AwsSettings.fromEnvironment(env(kms)).withConcurrency(concurrency)
                .withTimeout(Duration.ofSeconds(60));
        long start = System.nanoTime();
        try (AwsServices aws = new AwsServices(settings)) {
            List<String> plain = aws.kmsCryptor(null).decryptAll(encrypted);
            if (plain.size() != encrypted.size() || !plain.get(0).equals("some-secret-value-0")) {
                throw new AssertionError("wrong plaintext");
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Values as yaml_vault's aws-kms cryptor writes them: Base64 of the KMS blob of YAML.dump(str). */
    private static List<String> encryptedValues(KmsTestServer kms, int n) {
        String keyId = kms.createKey(null);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] yaml = ("--- some-secret-value-" + i + "\n").getBytes(StandardCharsets.UTF_8);
            out.add(Base64.getEncoder().encodeToString(kms.encryptBlob(keyId, yaml)));
        }
        return out;
    }

    private static Map<String, String> env(KmsTestServer kms) {
        return Map.of("AWS_ACCESS_KEY_ID", "AKIABENCHSTATIC00001", "AWS_SECRET_ACCESS_KEY", "bench-secret",
                "AWS_REGION", KmsTestServer.REGION, "AWS_ENDPOINT_URL_KMS", kms.endpoint());
    }
}
