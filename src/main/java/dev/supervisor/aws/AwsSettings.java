package dev.supervisor.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to talk to AWS, resolved from command-line options and the environment the supervisor
 * was given. Holds no SDK types, so the CLI can build it on every run without loading the SDK.
 *
 * @param env            the environment (normally {@code System.getenv()}); read for AWS_* variables
 * @param regionOption   {@code --aws-region}, or null
 * @param endpointOption {@code --aws-endpoint} (applies to every service), or null
 * @param concurrency    how many KMS calls may be in flight at once
 * @param timeout        bound on a whole decryption phase or one download, retries included
 * @param maxAttempts    attempts per call (1 = no retry) for throttling and server errors
 */
public record AwsSettings(Map<String, String> env, String regionOption, String endpointOption,
                          int concurrency, Duration timeout, int maxAttempts) {

    public static final int DEFAULT_CONCURRENCY = 16;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public AwsSettings {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    public static AwsSettings fromEnvironment(Map<String, String> env) {
        return new AwsSettings(env, null, null, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT, DEFAULT_MAX_ATTEMPTS);
    }

    public AwsSettings withRegion(String region) {
        return new AwsSettings(env, blankToNull(region), endpointOption, concurrency, timeout, maxAttempts);
    }

    public AwsSettings withEndpoint(String endpoint) {
        return new AwsSettings(env, regionOption, blankToNull(endpoint), concurrency, timeout, maxAttempts);
    }

    public AwsSettings withConcurrency(int n) {
        return new AwsSettings(env, regionOption, endpointOption, n, timeout, maxAttempts);
    }

    public AwsSettings withTimeout(Duration t) {
        return new AwsSettings(env, regionOption, endpointOption, concurrency, t, maxAttempts);
    }

    public AwsSettings withMaxAttempts(int n) {
        return new AwsSettings(env, regionOption, endpointOption, concurrency, timeout, n);
    }

    /**
     * The region named by the option, {@code AWS_REGION} or {@code AWS_DEFAULT_REGION}, in that order.
     * Empty means "ask the SDK" (system property, profile, EC2 instance metadata).
     */
    public Optional<String> explicitRegion() {
        if (regionOption != null) return Optional.of(regionOption);
        return envValue("AWS_REGION").or(() -> envValue("AWS_DEFAULT_REGION"));
    }

    /**
     * The endpoint for one service: the option, then {@code AWS_ENDPOINT_URL_<SERVICE>}, then
     * {@code AWS_ENDPOINT_URL}. The SDK (≥ 2.21) reads the same variables itself, but from the process
     * environment; resolving them here from {@link #env} and passing an explicit override gives the same
     * answer in production and lets tests pass their own map. An explicit override wins over the SDK's own
     * lookup, so nothing is applied twice. {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true} turns off the
     * variables, as it does in the SDK.
     *
     * @param serviceId the SDK service id as used in the variable name: {@code KMS}, {@code S3}
     */
    public Optional<String> endpointFor(String serviceId) {
        if (endpointOption != null) return Optional.of(endpointOption);
        if (envValue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").map("true"::equalsIgnoreCase).orElse(false)) {
            return Optional.empty();
        }
        return envValue("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT))
                .or(() -> envValue("AWS_ENDPOINT_URL"));
    }

    /** Leaves out the environment: it may hold AWS_SECRET_ACCESS_KEY. */
    @Override
    public String toString() {
        return "AwsSettings[region=" + explicitRegion().orElse("(sdk default)") + ", endpoint=" + endpointOption
                + ", concurrency=" + concurrency + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts + "]";
    }

    Optional<String> envValue(String name) {
        return Optional.ofNullable(blankToNull(env.get(name)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
