package dev.supervisor.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Picks the credentials source from the environment map the supervisor was given:
 * <ol>
 *   <li>{@code AWS_ACCESS_KEY_ID} + {@code AWS_SECRET_ACCESS_KEY} (+ {@code AWS_SESSION_TOKEN}): static keys;</li>
 *   <li>{@code AWS_CONTAINER_CREDENTIALS_FULL_URI} or {@code _RELATIVE_URI}: the SDK's container provider
 *       (ECS task roles, EKS Pod Identity). It reads the URI and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]}
 *       itself from the process environment or the {@code aws.container*} system properties;</li>
 *   <li>otherwise the SDK's default chain (system properties, env, web identity, profile, EC2 IMDSv2).</li>
 * </ol>
 * Any failure to obtain credentials is rethrown as {@link CredentialsUnavailable}, so the error
 * translation can tell "no credentials" (exit 77) from "network down" (exit 69) without parsing messages.
 */
final class CredentialsChain {

    /** Where we looked, for the "no credentials" message. */
    static final String SEARCHED = "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, container credentials "
            + "(AWS_CONTAINER_CREDENTIALS_FULL_URI/RELATIVE_URI), web identity (AWS_WEB_IDENTITY_TOKEN_FILE), "
            + "profiles (AWS_PROFILE, ~/.aws/config, ~/.aws/credentials) and EC2 instance metadata";

    private CredentialsChain() {}

    static AwsCredentialsProvider from(AwsSettings settings) {
        return new Explained(pick(settings));
    }

    private static AwsCredentialsProvider pick(AwsSettings settings) {
        var keyId = settings.envValue("AWS_ACCESS_KEY_ID");
        var secret = settings.envValue("AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() && secret.isPresent()) {
            var token = settings.envValue("AWS_SESSION_TOKEN");
            AwsCredentials credentials = token.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get());
            return StaticCredentialsProvider.create(credentials);
        }
        if (settings.envValue("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()
                || settings.envValue("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Marks a credentials failure; never carries key material (the SDK's messages do not either). */
    static final class CredentialsUnavailable extends RuntimeException {
        CredentialsUnavailable(Throwable cause) {
            super("no AWS credentials", cause);
        }
    }

    private static final class Explained implements AwsCredentialsProvider {
        private final AwsCredentialsProvider delegate;

        Explained(AwsCredentialsProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (SdkException | IllegalStateException e) {
                throw new CredentialsUnavailable(e);
            }
        }

        @Override
        public String toString() {
            return "CredentialsChain(" + delegate.getClass().getSimpleName() + ")";
        }
    }
}
