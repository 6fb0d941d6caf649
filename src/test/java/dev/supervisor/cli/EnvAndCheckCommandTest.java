package dev.supervisor.cli;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code supervisor env} shows what the app would get; {@code supervisor check} proves it all works. */
class EnvAndCheckCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private SupervisorProcess.Builder supervisor() {
        return SecretsFixture.supervisorWithPassphrases(dir);
    }

    @Test
    void envMasksValuesByDefault() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        try (SupervisorProcess p = supervisor().run("env", "--secrets", secrets.toString(), "--env-root", "$.production",
                "--only-added")) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
            assertTrue(p.stdout().lines().toList().contains("DATABASE_URL=****"), p.stdout());
            assertFalse(p.stdout().contains("Pr0d-Secret"));
            assertFalse(p.stdout().contains("YAML_VAULT_PASSPHRASE"), "passphrases are not part of the app's environment");
        }
    }

    @Test
    void envShowsValuesWhenAskedInEachFormat() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        try (SupervisorProcess p = supervisor().run("env", "--secrets", secrets.toString(), "--env-root", "$.production",
                "--only-added", "--show-values", "--format", "shell")) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
            assertTrue(p.stdout().contains("export DATABASE_URL='postgres://app:Pr0d-Secret@db/app'"), p.stdout());
        }
        try (SupervisorProcess p = supervisor().run("env", "--secrets", secrets.toString(), "--env-root", "$.production",
                "--only-added", "--show-values", "--format", "json")) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
            assertTrue(p.stdout().contains("\"SECRET_KEY_BASE\" : \"0123456789abcdef\""), p.stdout());
        }
    }

    @Test
    void checkPassesAndPrintsNoValue() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        try (SupervisorProcess p = supervisor().run("check", "--secrets", secrets.toString(), "--env-root", "$.production")) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
            assertTrue(p.stdout().contains("check: ok"), p.stdout());
            assertTrue(p.stdout().contains("DATABASE_URL"), "names the variables");
            assertFalse(p.stdout().contains("Pr0d-Secret"));
        }
    }

    @Test
    void checkFailsOnAWrongPassphrase() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        try (SupervisorProcess p = SupervisorProcess.in(dir).env("YAML_VAULT_PASSPHRASE", "wrong")
                .env("YAML_VAULT_SIGN_PASSPHRASE", "wrong").run("check", "--secrets", secrets.toString())) {
            assertEquals(78, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("InvalidSignature"), p.stderr());
        }
    }

    @Test
    void checkReportsABrokenConfigWithLineAndColumn() throws Exception {
        Path config = dir.resolve("supervisor.yml");
        Files.writeString(config, "modes:\n  web:\n    command: bin/web\n    stop_timout: 10s\n");
        try (SupervisorProcess p = supervisor().run("check", "--config", config.toString())) {
            assertEquals(78, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("supervisor.yml:4:5"), p.stderr());
            assertTrue(p.stderr().contains("stop_timeout"), "suggests the right key: " + p.stderr());
        }
    }
}
