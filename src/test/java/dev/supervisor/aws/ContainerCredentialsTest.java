package dev.supervisor.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.ExitCode;
import dev.supervisor.testing.ContainerCredentialsServer;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.vault.VaultException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials from an ECS-style container endpoint reach KMS. The SDK's container provider reads the URI
 * and token from the process environment or the {@code aws.container*} system properties, so the test sets
 * the properties (and removes them afterwards); the env map tells our chain to use that provider.
 */
class ContainerCredentialsTest {
    private static final String SERVED_KEY = "ASIACONTAINERTASK001";
    private static final String TOKEN = "task-auth-token";
    private KmsTestServer kms;
    private ContainerCredentialsServer creds;
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void start() throws Exception {
        kms = new KmsTestServer();
        creds = new ContainerCredentialsServer(SERVED_KEY, "served-secret", "served-session-token", TOKEN);
    }

    @AfterEach
    void stop() {
        saved.forEach(KmsCryptorTest::restore);
        kms.close();
        creds.close();
    }

    @Test
    void containerCredentialsReachKmsWithTheServedAccessKey() {
        String keyId = kms.createKey(null);
        try (var aws = new AwsServices(AwsSettings.fromEnvironment(containerEnv(TOKEN)))) {
            assertEquals("hello", aws.kmsCryptor(null).decrypt(KmsFixture.value(kms, keyId, "--- hello\n")));
        }
        assertEquals(List.of(SERVED_KEY), kms.accessKeyIds());
        assertEquals(0, creds.rejected());
    }

    @Test
    void rejectedContainerTokenIsMissingCredentialsWithExit77() {
        String keyId = kms.createKey(null);
        try (var aws = new AwsServices(AwsSettings.fromEnvironment(containerEnv("wrong-token")))) {
            var e = assertThrows(VaultException.class,
                    () -> aws.kmsCryptor(null).decrypt(KmsFixture.value(kms, keyId, "--- hello\n")));
            assertEquals(ExitCode.NO_PERMISSION, e.exitCode());
            assertEquals("NoCredentials", e.reason());
            assertTrue(e.getMessage().contains("AWS_CONTAINER_CREDENTIALS_FULL_URI"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-token"), e.getMessage());
        }
        assertEquals(0, kms.calls());
    }

    private Map<String, String> containerEnv(String token) {
        set("aws.containerCredentialsFullUri", creds.fullUri());
        set("aws.containerAuthorizationToken", token);
        return Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", creds.fullUri(),
                "AWS_REGION", KmsTestServer.REGION, "AWS_ENDPOINT_URL_KMS", kms.endpoint());
    }

    private void set(String property, String value) {
        saved.putIfAbsent(property, System.getProperty(property));
        System.setProperty(property, value);
    }
}
