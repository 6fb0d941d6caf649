package dev.supervisor.aws;

import dev.supervisor.ExitCode;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the SDK clients from {@link AwsSettings}. Everything the SDK would otherwise discover by itself is
 * set explicitly: the HTTP client (url-connection, so the SDK never service-loads Apache or Netty), the
 * region, the endpoint, the credentials chain, timeouts and the retry strategy.
 */
final class AwsClients implements AutoCloseable {
    /** Backoff for 5xx and transient network errors: full jitter, as AWS recommends. */
    /**
     * HttpURLConnection keeps only 5 idle connections per host by default, so with 16 KMS calls in flight
     * most would open a new TLS connection each time. Must be set before the JDK's keep-alive cache is
     * first used; a value the user set on the command line wins.
     */
    private static void keepConnectionsForConcurrentCalls(int concurrency) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, concurrency)));
        }
    }

    private static final BackoffStrategy BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5));
    /** Throttling waits longer: KMS's shared request quota recovers per second. */
    private static final BackoffStrategy THROTTLING_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(10));

    private final AwsSettings settings;
    private final Region region;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;

    AwsClients(AwsSettings settings) {
        this.settings = settings;
        this.region = resolveRegion(settings);
        keepConnectionsForConcurrentCalls(settings.concurrency());
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(min(settings.timeout(), Duration.ofSeconds(5)))
                .socketTimeout(settings.timeout())
                .build();
        this.credentials = CredentialsChain.from(settings);
    }

    Region region() {
        return region;
    }

    /** The endpoint a service is reached at, for messages: the override, or the public default. */
    String endpointOf(String serviceId, String defaultHostPrefix) {
        return settings.endpointFor(serviceId)
                .orElse("https://" + defaultHostPrefix + "." + region.id() + ".amazonaws.com");
    }

    KmsClient kms() {
        return configure(KmsClient.builder().httpClient(http), "KMS").build();
    }

    S3Client s3() {
        var builder = configure(S3Client.builder().httpClient(http), "S3");
        // Custom endpoints (S3Proxy, MinIO, LocalStack) rarely resolve bucket subdomains.
        boolean pathStyle = settings.endpointFor("S3").isPresent();
        builder.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (pathStyle) {
            // SDK ≥ 2.30 asks for response checksums (x-amz-checksum-mode); many S3-compatible servers
            // (S3Proxy 2.6, older MinIO) answer 501 NotImplemented. Real S3 keeps the default.
            builder.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String serviceId) {
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides());
        settings.endpointFor(serviceId).ifPresent(endpoint -> builder.endpointOverride(endpointUri(serviceId, endpoint)));
        return builder;
    }

    private ClientOverrideConfiguration overrides() {
        StandardRetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BACKOFF)
                .throttlingBackoffStrategy(THROTTLING_BACKOFF)
                // The token bucket would refuse retries once many parallel calls fail together, which is
                // exactly the burst-throttling case we want to ride out.
                .circuitBreakerEnabled(false)
                .build();
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retries)
                .apiCallTimeout(settings.timeout())
                .build();
    }

    private static URI endpointUri(String serviceId, String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException("no scheme or host");
            return uri;
        } catch (IllegalArgumentException e) {
            throw new AwsException(ExitCode.CONFIG, "InvalidEndpoint",
                    "the " + serviceId + " endpoint '" + endpoint + "' is not a URL like https://host:port", e);
        }
    }

    private static Region resolveRegion(AwsSettings settings) {
        var explicit = settings.explicitRegion();
        if (explicit.isPresent()) return Region.of(explicit.get());
        try {
            // System property aws.region, the profile files, then EC2 instance metadata.
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new AwsException(ExitCode.CONFIG, "NoRegion",
                    "no AWS region: pass --aws-region or set AWS_REGION (also looked at AWS_DEFAULT_REGION, "
                            + "the profile's region and EC2 instance metadata)", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        http.close();
    }
}
