package dev.supervisor.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.ExitCode;
import dev.supervisor.secrets.S3Location;
import dev.supervisor.testing.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading objects through the real SDK S3 client from an in-process S3Proxy. */
class S3ObjectReaderTest {
    private static S3TestServer s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3TestServer();
        s3.put("secrets-bucket", "app/db.pem", "-----BEGIN KEY-----\n".getBytes(StandardCharsets.UTF_8));
        s3.put("secrets-bucket", "big.bin", new byte[2048]);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    static Map<String, String> env(String secretKey) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint());
        return env;
    }

    static AwsServices services() {
        return new AwsServices(AwsSettings.fromEnvironment(env(S3TestServer.SECRET_KEY)));
    }

    @Test
    void readsAnObjectWhole() {
        try (var aws = services()) {
            byte[] bytes = aws.s3Reader(S3ObjectReader.DEFAULT_MAX_BYTES).read(S3Location.parse("s3://secrets-bucket/app/db.pem"));
            assertArrayEquals("-----BEGIN KEY-----\n".getBytes(StandardCharsets.UTF_8), bytes);
        }
    }

    @Test
    void missingObjectIsExit78NamingTheUrl() {
        try (var aws = services()) {
            var e = assertThrows(AwsException.class,
                    () -> aws.s3Reader(1024).read(S3Location.parse("s3://secrets-bucket/nope.pem")));
            assertEquals(ExitCode.CONFIG, e.exitCode());
            assertTrue(e.getMessage().contains("s3://secrets-bucket/nope.pem does not exist"), e.getMessage());
        }
    }

    @Test
    void missingBucketIsExit78() {
        try (var aws = services()) {
            var e = assertThrows(AwsException.class,
                    () -> aws.s3Reader(1024).read(S3Location.parse("s3://no-such-bucket/x")));
            assertEquals(ExitCode.CONFIG, e.exitCode());
        }
    }

    @Test
    void objectAboveTheSizeCapIsRefused() {
        try (var aws = services()) {
            var e = assertThrows(AwsException.class,
                    () -> aws.s3Reader(1024).read(S3Location.parse("s3://secrets-bucket/big.bin")));
            assertEquals(ExitCode.CONFIG, e.exitCode());
            assertEquals("TooLarge", e.reason());
            assertTrue(e.getMessage().contains("s3://secrets-bucket/big.bin") && e.getMessage().contains("1024"), e.getMessage());
        }
    }

    @Test
    void refusedSignatureIsExit77NamingGetObjectOnTheArn() {
        try (var aws = new AwsServices(AwsSettings.fromEnvironment(env("wrong-secret")))) {
            var e = assertThrows(AwsException.class,
                    () -> aws.s3Reader(1024).read(S3Location.parse("s3://secrets-bucket/app/db.pem")));
            assertEquals(ExitCode.NO_PERMISSION, e.exitCode());
            assertTrue(e.getMessage().contains("s3:GetObject on arn:aws:s3:::secrets-bucket/app/db.pem"), e.getMessage());
        }
    }
}
