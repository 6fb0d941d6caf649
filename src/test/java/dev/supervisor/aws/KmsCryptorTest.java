package dev.supervisor.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.ExitCode;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.vault.VaultException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The aws-kms cryptor through the real SDK against {@link KmsTestServer}. */
class KmsCryptorTest {
    private KmsTestServer kms;
    private String keyId;
    private AwsServices aws;

    @BeforeEach
    void start() throws Exception {
        kms = new KmsTestServer();
        keyId = kms.createKey("app");
        aws = new AwsServices(KmsFixture.settings(kms));
    }

    @AfterEach
    void stop() {
        aws.close();
        kms.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            --- hogehoge\\n              => hogehoge
            --- '123'\\n                 => 123
            --- hogehoge\\n...\\n        => hogehoge
            --- |\\n  line1\\n  line2\\n => line1\\nline2\\n
            --- |-\\n  line1\\n  line2\\n => line1\\nline2
            --- "\\\\U0001F511 key"\\n    => \uD83D\uDD11 key
            --- 日本語\\n                 => 日本語
            --- 123\\n                   => 123
            --- ''\\n                    => ''
            """)
    void decryptsValuesAsYamlVaultWritesThem(String document, String expected) {
        String value = KmsFixture.value(kms, keyId, unescape(document));
        String want = expected.equals("''") ? "" : unescape(expected);
        assertEquals(want, aws.kmsCryptor(null).decrypt(value));
    }

    @Test
    void signsRequestsWithTheConfiguredAccessKey() {
        aws.kmsCryptor(null).decrypt(KmsFixture.value(kms, keyId, "--- x\n"));
        assertEquals(List.of(KmsFixture.ACCESS_KEY), kms.accessKeyIds());
    }

    @Test
    void encryptThenDecryptRoundTrips() {
        var cryptor = aws.kmsCryptor("alias/app");
        for (String s : List.of("hogehoge", "123", "line1\nline2\n", "\uD83D\uDD11", "", "!secret value", "a: b")) {
            assertEquals(s, cryptor.decrypt(cryptor.encrypt(s)), s);
        }
    }

    @Test
    void encryptWritesPsychDumpAsPlaintextAndStrictBase64() {
        String value = aws.kmsCryptor(keyId).encrypt("123");
        assertTrue(value.matches("[A-Za-z0-9+/]+=*"), value);
        // Read the blob back with the raw protocol: the KMS plaintext must be exactly YAML.dump("123").
        var raw = aws.kms().decrypt(r -> r.ciphertextBlob(software.amazon.awssdk.core.SdkBytes
                .fromByteArray(Base64.getDecoder().decode(value)))).plaintext().asUtf8String();
        assertEquals("--- '123'\n", raw);
    }

    @Test
    void encryptWithoutKeyIdIsAUsageError() {
        var e = assertThrows(VaultException.class, () -> aws.kmsCryptor(null).encrypt("x"));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void accessDeniedNamesKmsDecryptAndTheKeyWithExit77() {
        kms.deny(KmsFixture.ACCESS_KEY);
        String value = KmsFixture.value(kms, keyId, "--- topsecret\n");
        var e = assertThrows(VaultException.class, () -> aws.kmsCryptor(null).decrypt(value));
        assertEquals(ExitCode.NO_PERMISSION, e.exitCode());
        assertTrue(e.getMessage().contains("grant kms:Decrypt on " + kms.arnOf(keyId) + " to the task role"), e.getMessage());
        assertEquals("AccessDeniedException", e.reason());
        assertFalse(e.getMessage().contains("topsecret"));
    }

    @Test
    void invalidCiphertextIsNotAKmsValueWithExit78() {
        String value = Base64.getEncoder().encodeToString("definitely not a blob from kms".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(VaultException.class, () -> aws.kmsCryptor(null).decrypt(value));
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertEquals("InvalidCiphertextException", e.reason());
        assertTrue(e.getMessage().contains("not a KMS value, or encrypted under another key/region"), e.getMessage());
    }

    @Test
    void notBase64IsExit78WithoutCallingKms() {
        var e = assertThrows(VaultException.class, () -> aws.kmsCryptor(null).decrypt("not base64 at all!"));
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertEquals("NotBase64", e.reason());
        assertEquals(0, kms.calls());
    }

    @Test
    void garbageResponseIsAClearUnavailableErrorWithoutTheBody() {
        kms.answerGarbage();
        var e = assertThrows(VaultException.class,
                () -> aws.kmsCryptor(null).decrypt(KmsFixture.value(kms, keyId, "--- x\n")));
        assertEquals(ExitCode.UNAVAILABLE, e.exitCode());
        assertTrue(e.getMessage().contains("kms:Decrypt failed") && e.getMessage().contains(kms.endpoint()), e.getMessage());
        assertFalse(e.getMessage().contains("not json"), e.getMessage());
    }

    @Test
    void hangingEndpointTimesOutWithExit69NamingEndpointAndRegion() {
        kms.hang();
        var quick = new AwsServices(KmsFixture.settings(kms).withTimeout(Duration.ofSeconds(1)));
        try {
            long start = System.nanoTime();
            var e = assertThrows(VaultException.class,
                    () -> quick.kmsCryptor(null).decryptAll(List.of(KmsFixture.value(kms, keyId, "--- x\n"))));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ExitCode.UNAVAILABLE, e.exitCode());
            assertTrue(millis < 3000, "took " + millis + " ms");
            assertTrue(e.getMessage().contains(kms.endpoint()) && e.getMessage().contains("us-east-1"), e.getMessage());
        } finally {
            quick.close();
        }
    }

    @Test
    void plaintextThatIsNotAStringIsRejectedWithoutQuotingIt() {
        String value = KmsFixture.value(kms, keyId, "--- {password: hunter2}\n");
        var e = assertThrows(VaultException.class, () -> aws.kmsCryptor(null).decrypt(value));
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void missingRegionIsAConfigError() {
        var env = KmsFixture.env(kms);
        env.remove("AWS_REGION");
        String old = System.setProperty("aws.disableEc2Metadata", "true");
        // The SDK's region chain also reads the profile and aws.region; keep both empty for this test.
        String profile = System.setProperty("aws.configFile", "/nonexistent/aws-config");
        try (var noRegion = new AwsServices(AwsSettings.fromEnvironment(env))) {
            var e = assertThrows(VaultException.class,
                    () -> noRegion.kmsCryptor(null).decrypt(KmsFixture.value(kms, keyId, "--- x\n")));
            assertEquals(ExitCode.CONFIG, e.exitCode());
            assertTrue(e.getMessage().contains("AWS_REGION"), e.getMessage());
        } finally {
            restore("aws.disableEc2Metadata", old);
            restore("aws.configFile", profile);
        }
    }

    static void restore(String property, String old) {
        if (old == null) System.clearProperty(property);
        else System.setProperty(property, old);
    }

    static String unescape(String s) {
        return s.replace("\\\\", "\u0000").replace("\\n", "\n").replace("\u0000", "\\");
    }
}
