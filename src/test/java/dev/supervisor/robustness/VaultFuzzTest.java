package dev.supervisor.robustness;

import dev.supervisor.SupervisorException;
import dev.supervisor.secrets.EnvironmentBuilder;
import dev.supervisor.testing.SupervisorProcess;
import dev.supervisor.vault.Affixes;
import dev.supervisor.vault.KeyPath;
import dev.supervisor.vault.MessageEncryptorCryptor;
import dev.supervisor.vault.MessageEncryptorOptions;
import dev.supervisor.vault.VaultDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of decryption and environment building with damaged files. Only
 * {@link SupervisorException} (and subclasses) may escape, and no message may hold the passphrase or a
 * plaintext value. Bounded by time and by iterations; replay with {@code -Dfuzz.seed=N}, run longer with
 * {@code -Dfuzz.seconds=N}.
 */
class VaultFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20240611L);
    private static final long SECONDS = Long.getLong("fuzz.seconds", 3L);
    private static final int MAX_ITERATIONS = 200_000;
    private static final int CLI_RUNS = 2;
    private static final String PLAINTEXT = """
            production:
              database_url: postgres://app:Fz-Db-Secret-1@db/app
              api_token: Fz-Api-Token-22
              aws:
                secret_access_key: Fz-Aws-Secret-333
              hosts: [Fz-Host-Secret-4444, b.example]
              anchored: &shared Fz-Anchor-Secret-55555
              alias: *shared
            staging:
              database_url: Fz-Staging-Secret-666666
            """;
    private static final List<String> SECRETS = List.of(Hostile.PASSPHRASE, "Fz-Db-Secret-1", "Fz-Api-Token-22",
            "Fz-Aws-Secret-333", "Fz-Host-Secret-4444", "Fz-Anchor-Secret-55555", "Fz-Staging-Secret-666666");

    @TempDir
    Path dir;

    @Test
    void damagedFilesFailOnlyWithOurExceptionsAndNeverShowASecret() {
        for (MessageEncryptorOptions.CipherMode mode : MessageEncryptorOptions.CipherMode.values()) {
            MessageEncryptorCryptor cryptor = new MessageEncryptorCryptor(
                    MessageEncryptorOptions.of(Hostile.PASSPHRASE).withCipher(mode));
            String file = VaultDocument.parse(PLAINTEXT, "fuzz").encrypt(cryptor, List.of(KeyPath.root()), Affixes.NONE)
                    .toYaml();
            Random random = new Random(SEED);
            Mutations mutations = new Mutations(random);
            long deadline = System.nanoTime() + SECONDS * 1_000_000_000L / 2;
            int iterations = 0;
            for (; iterations < MAX_ITERATIONS / 2 && System.nanoTime() < deadline; iterations++) {
                Mutations.Mutant mutant = mutations.mutate(file);
                List<KeyPath> keys = random.nextInt(4) == 0 ? KeyPath.parseList("$.production") : List.of(KeyPath.root());
                String envRoot = random.nextBoolean() ? "$.production" : "$";
                try {
                    Object values = VaultDocument.parse(mutant.bytes(), "fuzz.yml").decrypt(cryptor, keys, Affixes.NONE)
                            .values();
                    EnvironmentBuilder.build(values, Map.of("PATH", "/bin"),
                            new EnvironmentBuilder.Options(envRoot, false, Set.of()));
                } catch (SupervisorException expected) {
                    assertNoSecret(expected, mode, iterations, mutant);
                } catch (Throwable unexpected) {
                    fail("seed " + SEED + ", " + mode + ", iteration " + iterations + " (" + mutant.how() + "): "
                            + unexpected, unexpected);
                }
            }
            assertTrue(iterations > 100, "too few iterations to mean anything: " + iterations);
        }
    }

    /** A few damaged files through the real process: one error line or a clean start, never a stack trace. */
    @Test
    void damagedFilesThroughTheCliGiveOneLineAndNoSecret() throws Exception {
        String file = VaultDocument.parse(PLAINTEXT, "fuzz").encrypt(Hostile.cryptor(), List.of(KeyPath.root()),
                Affixes.NONE).toYaml();
        Mutations mutations = new Mutations(new Random(SEED));
        for (int run = 0; run < CLI_RUNS; run++) {
            Mutations.Mutant mutant = mutations.mutate(file);
            Path secrets = Files.write(dir.resolve("secrets-" + run + ".yml"), mutant.bytes());
            try (SupervisorProcess p = Hostile.supervisor(dir).run("run", "-v", "--secrets", secrets.toString(),
                    "--env-root", "$.production", "--", "true")) {
                int code = p.waitFor(Hostile.EXIT);
                String output = p.stderr() + p.stdout();
                String context = "seed " + SEED + ", run " + run + " (" + mutant.how() + "): exit " + code + "\n" + output;
                assertTrue(code == 0 || code == 78, context);
                assertTrue(output.lines().filter(l -> l.startsWith("supervisor: error:")).count() == (code == 0 ? 0 : 1),
                        context);
                assertFalse(output.contains("\tat ") || output.contains("Exception"), context);
                for (String secret : SECRETS) assertFalse(output.contains(secret), context);
            }
        }
    }

    private static void assertNoSecret(SupervisorException e, Object mode, int iteration, Mutations.Mutant mutant) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String secret : SECRETS) {
                if (message.contains(secret)) {
                    fail("seed " + SEED + ", " + mode + ", iteration " + iteration + " (" + mutant.how()
                            + "): a secret in the message: " + message);
                }
            }
        }
    }
}
