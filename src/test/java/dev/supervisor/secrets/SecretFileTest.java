package dev.supervisor.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFileTest {

    @Test
    void parsesSourceTargetAndDefaultMode() {
        var f = SecretFile.parse("s3://my-bucket/certs/tls.key=/etc/tls/tls.key");
        assertEquals(new S3Location("my-bucket", "certs/tls.key"), f.source());
        assertEquals(Path.of("/etc/tls/tls.key"), f.target());
        assertEquals(0600, f.mode());
    }

    @Test
    void parsesAnOctalMode() {
        assertEquals(0440, SecretFile.parse("s3://my-bucket/k=/run/secrets/k:0440").mode());
        assertEquals(0644, SecretFile.parse("s3://my-bucket/k=/run/secrets/k:644").mode());
    }

    @Test
    void keyMayContainEquals() {
        var f = SecretFile.parse("s3://my-bucket/dt=2024/file=/run/f");
        assertEquals("dt=2024/file", f.source().key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://my-bucket/k", "s3://my-bucket/k=relative/path", "http://x/k=/a",
            "s3://my-bucket/k=/a:0999", "s3://my-bucket/k=/a:rw", "s3://B/k=/a", "s3://my-bucket/=/a", "s3://my-bucket=/a"})
    void rejectsMalformedSpecsAsUsageErrors(String spec) {
        var e = assertThrows(SupervisorException.class, () -> SecretFile.parse(spec));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }
}
