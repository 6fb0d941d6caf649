package dev.supervisor.aws;

import dev.supervisor.testing.KmsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Settings and values for tests that talk to a {@link KmsTestServer}. */
final class KmsFixture {
    static final String ACCESS_KEY = "AKIATESTSTATIC000001";

    private KmsFixture() {}

    static Map<String, String> env(KmsTestServer kms) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        env.put("AWS_REGION", KmsTestServer.REGION);
        env.put("AWS_ENDPOINT_URL_KMS", kms.endpoint());
        return env;
    }

    static AwsSettings settings(KmsTestServer kms) {
        return AwsSettings.fromEnvironment(env(kms)).withTimeout(Duration.ofSeconds(10));
    }

    /** A value as yaml_vault's aws-kms cryptor writes it, for a given KMS plaintext (a YAML document). */
    static String value(KmsTestServer kms, String keyId, String yamlDocument) {
        return Base64.getEncoder().encodeToString(kms.encryptBlob(keyId, yamlDocument.getBytes(StandardCharsets.UTF_8)));
    }
}
