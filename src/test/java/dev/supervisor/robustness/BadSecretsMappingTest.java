package dev.supervisor.robustness;

import dev.supervisor.ExitCode;
import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.supervisor.robustness.Hostile.assertRejected;
import static dev.supervisor.robustness.Hostile.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets that decrypt but cannot become an environment, and key paths that are wrong: refused before
 * exec with one line naming the key path (never E2BIG from the kernel, never a value).
 */
class BadSecretsMappingTest {
    @TempDir
    Path dir;

    private String rejected(String plaintext, String expected, String... extraArgs) throws Exception {
        Path file = Hostile.encryptedFile(dir, "secrets.yml", plaintext);
        String[] args = new String[3 + extraArgs.length];
        args[0] = "run";
        args[1] = "--secrets";
        args[2] = file.toString();
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        return assertRejected(supervisor(dir), dir, ExitCode.CONFIG, expected, args);
    }

    @Test
    void namesThatCollideAreRefusedNamingBothKeyPaths() throws Exception {
        rejected("a_b: " + Hostile.SECRET + "\na:\n  b: " + Hostile.OTHER_SECRET + "\n",
                "$.a_b and $.a.b both map to the environment variable A_B");
    }

    @Test
    void aKeyThatIsNoVariableNameIsRefused() throws Exception {
        rejected("my-key: " + Hostile.SECRET + "\n", "$.my-key maps to 'MY-KEY'");
    }

    @Test
    void aValueOverMaxArgStrlenIsRefusedBeforeExec() throws Exception {
        rejected("big: " + "v".repeat(140_000) + "\n", "BIG (from $.big) is 140005 bytes");
    }

    @Test
    void anEnvironmentOverTheTotalLimitIsRefusedBeforeExec() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 12; i++) yaml.append("v").append(i).append(": ").append("v".repeat(100_000)).append('\n');
        rejected(yaml.toString(), "the environment would be");
    }

    @Test
    void anInvalidRegexInAKeyPathIsRefusedAsConfig() throws Exception {
        rejected(Hostile.PLAINTEXT, "the regex /[/ is not valid", "-k", "$./[/");
    }

    /**
     * Current behaviour, pinned for the record: a key path that matches nothing decrypts nothing and is not
     * an error, so the app starts with the values exactly as written, still encrypted.
     */
    @Test
    void aKeyPathMatchingNothingStartsTheAppWithTheValuesStillEncrypted() throws Exception {
        Path file = Hostile.encryptedFile(dir, "secrets.yml", Hostile.PLAINTEXT);
        Path out = dir.resolve("api_token.txt");
        try (SupervisorProcess p = supervisor(dir).run("run", "--secrets", file.toString(), "-k", "$.nothing",
                "--env-root", "$.production", "--", "sh", "-c", "printf %s \"$API_TOKEN\" > " + out)) {
            assertEquals(0, p.waitFor(Hostile.EXIT), p.stderr());
            Hostile.assertNoSecret(p.stderr() + p.stdout());
        }
        String value = Files.readString(out);
        assertFalse(value.contains(Hostile.OTHER_SECRET), value);
        assertTrue(value.matches("[A-Za-z0-9+/=]+--[0-9a-f]{64}"), "the yaml_vault ciphertext as written: " + value);
    }
}
