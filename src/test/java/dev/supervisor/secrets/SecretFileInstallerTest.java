package dev.supervisor.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import dev.supervisor.aws.AwsServices;
import dev.supervisor.aws.AwsSettings;
import dev.supervisor.aws.S3ObjectReader;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.testing.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --file} end to end: S3Proxy for objects, the KMS test server for {@code --file-kms}. */
class SecretFileInstallerTest {
    private static final String BUCKET = "app-secrets";
    private static S3TestServer s3;
    private static KmsTestServer kms;
    private static String keyId;
    private AwsServices aws;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        s3 = new S3TestServer();
        kms = new KmsTestServer();
        keyId = kms.createKey("files");
        s3.put(BUCKET, "db.pem", bytes("PEM CONTENT\n"));
        s3.put(BUCKET, "token", bytes("t0ken"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        s3.close();
        kms.close();
    }

    @BeforeEach
    void connect() {
        aws = new AwsServices(AwsSettings.fromEnvironment(Map.of(
                "AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY,
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_S3", s3.endpoint(), "AWS_ENDPOINT_URL_KMS", kms.endpoint())));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private SecretFileInstaller installer(boolean kmsEncrypted) {
        var reader = aws.s3Reader(S3ObjectReader.DEFAULT_MAX_BYTES);
        var cipher = aws.kmsFiles(null);
        return new SecretFileInstaller(reader::read, kmsEncrypted ? cipher::decrypt : null, new SecretFileWriter());
    }

    @Test
    void writesFilesWithTheDefaultAndRequestedModesCreatingParents() throws Exception {
        Path pem = dir.resolve("etc/tls/db.pem");
        Path token = dir.resolve("run/token");
        installer(false).install(List.of(
                SecretFile.parse("s3://" + BUCKET + "/db.pem=" + pem),
                SecretFile.parse("s3://" + BUCKET + "/token=" + token + ":0440")));
        assertArrayEquals(bytes("PEM CONTENT\n"), Files.readAllBytes(pem));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)));
        assertEquals("r--r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        try (var listing = Files.list(pem.getParent())) {
            assertEquals(List.of(pem), listing.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void aMissingSecondObjectWritesNothing() {
        Path first = dir.resolve("first");
        var e = assertThrows(SupervisorException.class, () -> installer(false).install(List.of(
                SecretFile.parse("s3://" + BUCKET + "/db.pem=" + first),
                SecretFile.parse("s3://" + BUCKET + "/missing=" + dir.resolve("second")))));
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertTrue(e.getMessage().contains("s3://" + BUCKET + "/missing"), e.getMessage());
        assertFalse(Files.exists(first));
    }

    @Test
    void aFailedWriteRemovesFilesAlreadyWrittenInTheBatch() throws Exception {
        Path first = dir.resolve("ok/first");
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where a directory is needed");
        var e = assertThrows(SupervisorException.class, () -> installer(false).install(List.of(
                SecretFile.parse("s3://" + BUCKET + "/db.pem=" + first),
                SecretFile.parse("s3://" + BUCKET + "/token=" + blocked.resolve("token")))));
        assertEquals(ExitCode.OS_ERROR, e.exitCode());
        assertFalse(Files.exists(first));
    }

    @Test
    void fileKmsDecryptsADirectBlob() throws Exception {
        byte[] blob = aws.kmsFiles("alias/files").encrypt(bytes("small secret"));
        s3.put(BUCKET, "small.kms", blob);
        Path target = dir.resolve("small");
        installer(true).install(List.of(SecretFile.parse("s3://" + BUCKET + "/small.kms=" + target)));
        assertArrayEquals(bytes("small secret"), Files.readAllBytes(target));
    }

    @Test
    void fileKmsOpensAnEnvelopeForLargeFiles() throws Exception {
        byte[] large = bytes("x".repeat(10_000));
        byte[] envelope = aws.kmsFiles(keyId).encrypt(large);
        assertTrue(new String(envelope, StandardCharsets.UTF_8).startsWith("{\"kms_envelope\":1"));
        s3.put(BUCKET, "large.kms", envelope);
        Path target = dir.resolve("large");
        installer(true).install(List.of(SecretFile.parse("s3://" + BUCKET + "/large.kms=" + target)));
        assertArrayEquals(large, Files.readAllBytes(target));
    }

    @Test
    void fileKmsRejectsAPlaintextObjectNamingTheUrl() {
        Path target = dir.resolve("t");
        var e = assertThrows(SupervisorException.class, () -> installer(true).install(List.of(
                SecretFile.parse("s3://" + BUCKET + "/token=" + target))));
        assertEquals(ExitCode.CONFIG, e.exitCode());
        assertTrue(e.getMessage().contains("s3://" + BUCKET + "/token"), e.getMessage());
        assertFalse(e.getMessage().contains("t0ken"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
