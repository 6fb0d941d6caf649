package dev.supervisor.examples;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.supervisor.examples.ExampleCommand.EXAMPLES;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example's supervisor.yml passes `supervisor check`; the KMS ones without secrets (no AWS here). */
class ExamplesCheckTest {

    private static ExampleCommand.Result check(String example, Map<String, String> env, String... flags) throws Exception {
        String[] args = new String[flags.length + 1];
        args[0] = "check";
        System.arraycopy(flags, 0, args, 1, flags.length);
        return ExampleCommand.supervisor(EXAMPLES.resolve(example), env, args);
    }

    private static void assertChecks(ExampleCommand.Result r, String... modes) {
        assertAll(
                () -> assertEquals(0, r.exitCode(), r.output()),
                () -> assertTrue(r.output().contains("check: ok"), r.output()),
                () -> {
                    for (String mode : modes) assertTrue(r.output().contains("mode " + mode + ": ok"), mode + " in\n" + r.output());
                });
    }

    @Test
    void demoChecksWithItsSecretsDecrypted() throws Exception {
        ExampleCommand.Result r = check("demo", Map.of("YAML_VAULT_PASSPHRASE", "demo-passphrase"));
        assertChecks(r, "web", "worker", "task", "oneoff");
        assertTrue(r.output().contains("DATABASE_URL, REDIS_URL, SECRET_KEY_BASE"), r.output());
    }

    @Test
    void demoSecretsAreTheEncryptedPlaintextFile() throws Exception {
        Map<String, String> env = Map.of("YAML_VAULT_PASSPHRASE", "demo-passphrase");
        ExampleCommand.Result decrypted = ExampleCommand.supervisor(EXAMPLES.resolve("demo"), env,
                "vault", "decrypt", "secrets.yml");
        assertEquals(0, decrypted.exitCode(), decrypted.output());
        String plain = java.nio.file.Files.readString(EXAMPLES.resolve("demo/secrets.plain.yml"));
        for (String line : plain.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            assertTrue(decrypted.output().contains(line), "secrets.yml decrypts to a file without: " + line.split(":")[0]);
        }
    }

    @Test
    void demoWithTheWrongPassphraseFailsTheCheck() throws Exception {
        ExampleCommand.Result r = check("demo", Map.of("YAML_VAULT_PASSPHRASE", "not-the-demo-passphrase"));
        assertEquals(78, r.exitCode(), r.output());
        assertFalse(r.output().contains("demo-db-password"), r.output());
    }

    @Test
    void localDebugChecksWithPlaintextSecrets() throws Exception {
        ExampleCommand.Result r = check("local-debug", Map.of());
        assertChecks(r, "web", "worker", "task");
        assertTrue(r.output().contains("3 variable(s) added"), r.output());
    }

    @Test
    void railsOnEcsConfigAndModesResolveWithoutAws() throws Exception {
        assertChecks(check("rails-on-ecs", Map.of("RAILS_ENV", "production"), "--no-secrets"), "web", "worker", "task");
    }

    @Test
    void kubernetesConfigAndModesResolveWithoutAws() throws Exception {
        assertChecks(check("kubernetes", Map.of("RAILS_ENV", "production"), "--no-secrets"), "web", "worker", "task");
    }

    @Test
    void examplesPrintNoStopBudgetWarnings() throws Exception {
        for (String example : new String[]{"rails-on-ecs", "kubernetes"}) {
            ExampleCommand.Result r = check(example, Map.of(), "--no-secrets");
            assertFalse(r.output().toLowerCase().contains("warning"), example + ":\n" + r.output());
        }
    }
}
