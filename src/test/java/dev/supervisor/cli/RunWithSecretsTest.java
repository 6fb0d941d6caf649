package dev.supervisor.cli;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code supervisor run --secrets}: the decrypted secrets reach the app's environment, and nothing else does. */
class RunWithSecretsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private SupervisorProcess.Builder supervisor() {
        return SecretsFixture.supervisorWithPassphrases(dir);
    }

    /** The child's environment as NAME=value lines, written by the child itself. */
    private List<String> childEnvironment(Path file) throws Exception {
        return Files.readAllLines(file);
    }

    @Test
    void decryptedSecretsBecomeTheChildsEnvironment() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        Path out = dir.resolve("env.txt");
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "--env-root", "$.production",
                "--", "sh", "-c", "env > " + out)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        List<String> env = childEnvironment(out);
        assertTrue(env.contains("DATABASE_URL=postgres://app:Pr0d-Secret@db/app"), env.toString());
        assertTrue(env.contains("SECRET_KEY_BASE=0123456789abcdef"));
        assertTrue(env.contains("AWS_ACCESS_KEY_ID=AKIAFIXTURE"));
        assertTrue(env.contains("HOSTS=[\"a.example\",\"b.example\"]"));
        assertTrue(env.stream().noneMatch(l -> l.startsWith("UNUSED=")), "a null leaves the variable unset");
    }

    @Test
    void passphraseVariablesNeverReachTheChild() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        Path out = dir.resolve("env.txt");
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "--", "sh", "-c", "env > " + out)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        String env = Files.readString(out);
        assertFalse(env.contains("YAML_VAULT_"), env);
        assertFalse(env.contains(SecretsFixture.PASSPHRASE));
        assertFalse(env.contains("SUPERVISOR_INHERITED_SIGIGN"));
        assertFalse(env.contains("_JAVA_SR_SIGNUM"));
    }

    @Test
    void realYamlVaultFileDecryptsIntoTheEnvironment() throws Exception {
        Path vector = SecretsFixture.vector("rails_env_whole_doc_with_sign");
        Path out = dir.resolve("url.txt");
        try (SupervisorProcess p = SupervisorProcess.in(dir)
                .env("YAML_VAULT_PASSPHRASE", "rails-env-passphrase")
                .env("YAML_VAULT_SIGN_PASSPHRASE", "rails-env-sign")
                .env("RAILS_ENV", "staging")
                .run("run", "--secrets", vector.resolve("encrypted.yml").toString(), "--env-root", "$.${RAILS_ENV}",
                        "--", "sh", "-c", "printf %s \"$DATABASE_URL\" > " + out)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        assertEquals("postgres://app:St4g1ng@db.staging.internal:5432/app_staging", Files.readString(out));
    }

    @Test
    void wrongPassphraseNamesFileAndKeyPathAndStartsNothing() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        Path marker = dir.resolve("started");
        try (SupervisorProcess p = SupervisorProcess.in(dir)
                .env("YAML_VAULT_PASSPHRASE", "not-the-passphrase")
                .env("YAML_VAULT_SIGN_PASSPHRASE", SecretsFixture.SIGN_PASSPHRASE)
                .run("run", "--secrets", secrets.toString(), "--", "touch", marker.toString())) {
            assertEquals(78, p.waitFor(WAIT));
            String err = p.stderr();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("supervisor: error: " + secrets + ": $.production.database_url: "), err);
            assertFalse(err.contains("not-the-passphrase"));
            assertFalse(err.contains("Pr0d-Secret"));
        }
        assertFalse(Files.exists(marker), "the app must not start");
    }

    @Test
    void tamperedValueIsRejectedAndStartsNothing() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        String text = Files.readString(secrets);
        int hmac = text.indexOf("--") + 2;
        char c = text.charAt(hmac);
        Files.writeString(secrets, text.substring(0, hmac) + (c == 'a' ? 'b' : 'a') + text.substring(hmac + 1));
        Path marker = dir.resolve("started");
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "--", "touch", marker.toString())) {
            assertEquals(78, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("InvalidSignature"), p.stderr());
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws Exception {
        Path secrets = dir.resolve("broken.yml");
        Files.writeString(secrets, "production:\n  a: [unclosed\n  b: c\n");
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "--", "true")) {
            assertEquals(78, p.waitFor(WAIT));
            assertTrue(p.stderr().matches("(?s)supervisor: error: .*broken\\.yml.*line \\d+.*column \\d+.*"), p.stderr());
        }
    }

    @Test
    void missingSecretsFileIsAConfigError() throws Exception {
        try (SupervisorProcess p = supervisor().run("run", "--secrets", dir.resolve("nope.yml").toString(), "--", "true")) {
            assertEquals(78, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("nope.yml") && p.stderr().contains("no such file"), p.stderr());
        }
    }

    @Test
    void missingPassphraseIsAUsageErrorWithoutATerminal() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        try (SupervisorProcess p = SupervisorProcess.in(dir).unsetEnv("YAML_VAULT_PASSPHRASE", "YAML_VAULT_SIGN_PASSPHRASE")
                .run("run", "--secrets", secrets.toString(), "--", "true")) {
            assertEquals(64, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("YAML_VAULT_PASSPHRASE"), p.stderr());
        }
    }

    @Test
    void variablesAlreadySetWinAndAreNamedUnlessOverridden() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        Path out = dir.resolve("url.txt");
        try (SupervisorProcess p = supervisor().env("DATABASE_URL", "postgres://local")
                .run("run", "--secrets", secrets.toString(), "--env-root", "$.production",
                        "--", "sh", "-c", "printf %s \"$DATABASE_URL\" > " + out)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
            assertTrue(p.stderr().contains("DATABASE_URL"), p.stderr());
            assertFalse(p.stderr().contains("Pr0d-Secret"));
        }
        assertEquals("postgres://local", Files.readString(out));
        try (SupervisorProcess p = supervisor().env("DATABASE_URL", "postgres://local")
                .run("run", "--secrets", secrets.toString(), "--env-root", "$.production", "--override-env",
                        "--", "sh", "-c", "printf %s \"$DATABASE_URL\" > " + out)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        assertEquals("postgres://app:Pr0d-Secret@db/app", Files.readString(out));
    }

    @Test
    void plaintextFileUsesTheSameMappingWithoutAPassphrase() throws Exception {
        Path secrets = SecretsFixture.plaintext(dir);
        Path out = dir.resolve("url.txt");
        try (SupervisorProcess p = SupervisorProcess.in(dir).unsetEnv("YAML_VAULT_PASSPHRASE")
                .run("run", "--secrets", secrets.toString(), "--plaintext", "--env-root", "$.staging",
                        "--", "sh", "-c", "printf %s \"$DATABASE_URL\" > " + out)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        assertEquals("postgres://app:St4g1ng@db/staging", Files.readString(out));
    }

    @Test
    void verboseOutputNeverContainsASecretValue() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        try (SupervisorProcess p = supervisor().run("run", "-v", "--secrets", secrets.toString(), "--env-root",
                "$.production", "--", "sh", "-c", "kill -TERM $$")) {
            assertEquals(143, p.waitFor(WAIT));
            String all = p.stdout() + p.stderr();
            for (String secret : List.of("Pr0d-Secret", "0123456789abcdef", "AKIAFIXTURE", SecretsFixture.PASSPHRASE)) {
                assertFalse(all.contains(secret), secret + " leaked: " + all);
            }
        }
    }

    @Test
    void keyPathThatSelectsNothingIsAWarningNamingIt() throws Exception {
        Path secrets = SecretsFixture.encrypted(dir);
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "-k", "$.production,$.prodution",
                "--", "true")) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
            assertTrue(p.stderr().contains("supervisor: warning: ") && p.stderr().contains("$.prodution selects no value"),
                    p.stderr());
        }
    }
}
