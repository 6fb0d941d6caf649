package dev.supervisor.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.ExitCode;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.vault.VaultException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link KmsCryptor#decryptAll}: bounded concurrency, one call per distinct value, retries, first failure. */
class KmsBatchDecryptionTest {
    private KmsTestServer kms;
    private String keyId;

    @BeforeEach
    void start() throws Exception {
        kms = new KmsTestServer();
        keyId = kms.createKey(null);
    }

    @AfterEach
    void stop() {
        kms.close();
    }

    @Test
    void distinctValuesRunConcurrentlyWithinTheBound() {
        kms.latency(20);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) values.add(KmsFixture.value(kms, keyId, "--- value-" + i + "\n"));
        try (var aws = new AwsServices(KmsFixture.settings(kms).withConcurrency(8))) {
            List<String> plain = aws.kmsCryptor(null).decryptAll(values);
            for (int i = 0; i < 100; i++) assertEquals("value-" + i, plain.get(i));
        }
        assertEquals(100, kms.calls());
        assertTrue(kms.maxInFlight() > 1, "max in flight " + kms.maxInFlight());
        assertTrue(kms.maxInFlight() <= 8, "max in flight " + kms.maxInFlight());
    }

    @Test
    void identicalValuesAreDecryptedOnce() {
        String value = KmsFixture.value(kms, keyId, "--- same\n");
        try (var aws = new AwsServices(KmsFixture.settings(kms))) {
            List<String> plain = aws.kmsCryptor(null).decryptAll(Collections.nCopies(100, value));
            assertEquals(Collections.nCopies(100, "same"), plain);
        }
        assertEquals(1, kms.calls());
    }

    @Test
    void throttlingIsRetriedUntilItSucceeds() {
        kms.failNext(2, KmsTestServer.Fault.THROTTLE);
        try (var aws = new AwsServices(KmsFixture.settings(kms))) {
            assertEquals(List.of("ok"), aws.kmsCryptor(null).decryptAll(List.of(KmsFixture.value(kms, keyId, "--- ok\n"))));
        }
        assertEquals(3, kms.calls());
    }

    @Test
    void serverErrorsAreRetriedUntilItSucceeds() {
        kms.failNext(2, KmsTestServer.Fault.SERVER_ERROR);
        try (var aws = new AwsServices(KmsFixture.settings(kms))) {
            assertEquals("ok", aws.kmsCryptor(null).decrypt(KmsFixture.value(kms, keyId, "--- ok\n")));
        }
        assertEquals(3, kms.calls());
    }

    @Test
    void retriesStopAtMaxAttemptsWithExit69() {
        kms.failNext(10, KmsTestServer.Fault.THROTTLE);
        try (var aws = new AwsServices(KmsFixture.settings(kms).withMaxAttempts(2))) {
            var e = assertThrows(VaultException.class,
                    () -> aws.kmsCryptor(null).decrypt(KmsFixture.value(kms, keyId, "--- ok\n")));
            assertEquals(ExitCode.UNAVAILABLE, e.exitCode());
            assertEquals("ThrottlingException", e.reason());
        }
        assertEquals(2, kms.calls());
    }

    @Test
    void failureCarriesTheIndexOfTheFailingValue() {
        String good = KmsFixture.value(kms, keyId, "--- ok\n");
        try (var aws = new AwsServices(KmsFixture.settings(kms))) {
            var e = assertThrows(VaultException.class,
                    () -> aws.kmsCryptor(null).decryptAll(List.of(good, good, "!!notbase64")));
            assertEquals(2, e.valueIndex());
            assertEquals(ExitCode.CONFIG, e.exitCode());
        }
    }
}
