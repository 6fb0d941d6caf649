package dev.supervisor.robustness;

import dev.supervisor.ExitCode;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.testing.S3TestServer;
import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static dev.supervisor.robustness.Hostile.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3 objects that are missing, empty or too large, and a KMS that hangs or talks nonsense. */
class AwsFaultsTest {
    private static final String BUCKET = "robust";

    @TempDir
    Path dir;
    private S3TestServer s3;
    private KmsTestServer kms;

    @BeforeEach
    void servers() throws Exception {
        s3 = new S3TestServer();
        kms = new KmsTestServer();
        s3.put(BUCKET, "placeholder", new byte[0]);
    }

    @AfterEach
    void stop() throws Exception {
        kms.close();
        s3.close();
    }

    private SupervisorProcess.Builder supervisor() {
        return Hostile.supervisor(dir)
                .env("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY)
                .env("AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY)
                .env("AWS_REGION", KmsTestServer.REGION)
                .env("AWS_ENDPOINT_URL_S3", s3.endpoint())
                .env("AWS_ENDPOINT_URL_KMS", kms.endpoint())
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }

    @Test
    void aMissingSecretsObjectIsAConfigErrorNamingTheUrl() throws Exception {
        assertRejected(supervisor(), dir, ExitCode.CONFIG, "s3://" + BUCKET + "/missing.yml",
                "run", "--secrets", "s3://" + BUCKET + "/missing.yml");
    }

    /** An empty object is an empty secrets file: no document, refused (not an app started without secrets). */
    @Test
    void anEmptySecretsObjectIsRefused() throws Exception {
        s3.put(BUCKET, "empty.yml", new byte[0]);
        assertRejected(supervisor(), dir, ExitCode.CONFIG, "found 0", "run", "--secrets", "s3://" + BUCKET + "/empty.yml");
    }

    @Test
    void aSecretsObjectOverTheSizeCapIsRefused() throws Exception {
        s3.put(BUCKET, "big.yml", ("a: " + "x".repeat(9 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRejected(supervisor(), dir, ExitCode.CONFIG, "larger than", "run", "--secrets", "s3://" + BUCKET + "/big.yml");
    }

    @Test
    void aFileObjectOverTheDownloadCapWritesNothing() throws Exception {
        s3.put(BUCKET, "huge.bin", new byte[17 * 1024 * 1024]);
        Path target = Files.createDirectory(dir.resolve("out")).resolve("huge.bin");
        assertRejected(supervisor(), dir, ExitCode.CONFIG, "s3://" + BUCKET + "/huge.bin",
                "run", "--file", "s3://" + BUCKET + "/huge.bin=" + target);
        try (var left = Files.list(target.getParent())) {
            assertEquals(0, left.count(), "no file, complete or partial");
        }
    }

    @Test
    void aHangingKmsEndsAtTheSecretsTimeoutAsUnavailable() throws Exception {
        kms.hang();
        Path secrets = kmsSecrets();
        long start = System.nanoTime();
        String line = assertRejected(supervisor(), dir, ExitCode.UNAVAILABLE, "kms:Decrypt did not finish within 1000 ms",
                "run", "--secrets", secrets.toString(), "--cryptor", "aws-kms", "--secrets-timeout", "1s");
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "bounded by the timeout: " + line);
    }

    @Test
    void garbageFromKmsIsOneErrorLine() throws Exception {
        kms.answerGarbage();
        assertRejected(supervisor(), dir, ExitCode.UNAVAILABLE, "$.production.password",
                "run", "--secrets", kmsSecrets().toString(), "--cryptor", "aws-kms", "--secrets-timeout", "5s");
    }

    private Path kmsSecrets() throws Exception {
        String key = kms.createKey("app");
        String blob = Base64.getEncoder().encodeToString(kms.encryptBlob(key,
                ("--- " + Hostile.SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
        return Files.writeString(dir.resolve("secrets.yml"), "production:\n  password: " + blob + "\n");
    }
}
