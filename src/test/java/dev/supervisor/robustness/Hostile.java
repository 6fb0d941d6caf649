package dev.supervisor.robustness;

import dev.supervisor.testing.SupervisorProcess;
import dev.supervisor.vault.Affixes;
import dev.supervisor.vault.KeyPath;
import dev.supervisor.vault.MessageEncryptorCryptor;
import dev.supervisor.vault.MessageEncryptorOptions;
import dev.supervisor.vault.VaultDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the robustness tests share: a secrets file with known secret values, a supervisor started with
 * its passphrase, and the checks every attack ends with (one error line, the documented code, nothing
 * started, nothing left running, no secret in sight).
 */
final class Hostile {
    static final String PASSPHRASE = "Rob-Passphrase-7f3e";
    static final String SECRET = "S3cret-Db-Pa55word";
    static final String OTHER_SECRET = "Other-Secret-Token-91";
    static final String PLAINTEXT = """
            production:
              database_url: postgres://app:%s@db/app
              api_token: %s
            """.formatted(SECRET, OTHER_SECRET);
    static final Duration EXIT = Duration.ofSeconds(30);
    /** "Promptly": a stop signal ends the start well within this, whatever was in flight. */
    static final Duration PROMPT = Duration.ofSeconds(5);

    private Hostile() {}

    static MessageEncryptorCryptor cryptor() {
        return new MessageEncryptorCryptor(MessageEncryptorOptions.of(PASSPHRASE));
    }

    /** {@code plaintext} with every value encrypted under {@link #PASSPHRASE}. */
    static String encrypt(String plaintext) {
        return VaultDocument.parse(plaintext, "fixture").encrypt(cryptor(), List.of(KeyPath.root()), Affixes.NONE).toYaml();
    }

    static Path encryptedFile(Path dir, String name, String plaintext) throws IOException {
        return Files.writeString(dir.resolve(name), encrypt(plaintext));
    }

    /** The supervisor with a minimal environment and the passphrase, as a container would start it. */
    static SupervisorProcess.Builder supervisor(Path dir) {
        return SupervisorProcess.in(dir).cleanEnvironment()
                .env("HOME", dir.toString())
                .env("YAML_VAULT_PASSPHRASE", PASSPHRASE);
    }

    static Path script(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/bash\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** The run failed on its own terms: the code, exactly one error line, no stack trace, no secret. */
    static void assertOneErrorLine(SupervisorProcess p, int expectedCode) throws InterruptedException {
        int code = p.waitFor(EXIT);
        String err = p.stderr();
        assertEquals(expectedCode, code, err);
        List<String> errors = err.lines().filter(l -> l.startsWith("supervisor: error:")).toList();
        assertEquals(1, errors.size(), "exactly one error line:\n" + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains("Caused by"),
                "no stack trace:\n" + err);
        assertNoSecret(err + p.stdout());
    }

    /**
     * {@code supervisor ARGS -- touch MARKER} fails with {@code code}, one error line containing
     * {@code expected}, and never starts the command. Returns the error line.
     */
    static String assertRejected(SupervisorProcess.Builder supervisor, Path dir, int code, String expected,
                                 String... args) throws IOException, InterruptedException {
        Path marker = dir.resolve("started");
        List<String> argv = new java.util.ArrayList<>(List.of(args));
        argv.addAll(List.of("--", "touch", marker.toString()));
        try (SupervisorProcess p = supervisor.run(argv.toArray(String[]::new))) {
            assertOneErrorLine(p, code);
            String line = p.stderr().lines().filter(l -> l.startsWith("supervisor: error:")).findFirst().orElseThrow();
            assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
            assertFalse(Files.exists(marker), "the command must not start");
            return line;
        }
    }

    static void assertNoSecret(String text) {
        for (String secret : List.of(SECRET, OTHER_SECRET, PASSPHRASE)) {
            assertFalse(text.contains(secret), "a secret value leaked:\n" + text);
        }
    }

    /** Waits until the supervisor has a thread named {@code name} (Java thread names reach /proc's comm). */
    static void awaitThread(SupervisorProcess p, String name) {
        await("thread " + name + " in the supervisor; stderr: " + p.stderr(), () -> threadNames(p.pid()).contains(name));
    }

    static List<String> threadNames(int pid) {
        try (var tasks = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            return tasks.map(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim();
                } catch (IOException gone) {
                    return "";
                }
            }).toList();
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** Alive and not a zombie. */
    static boolean alive(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    static void assertGone(int pid) {
        await("pid " + pid + " to be gone", () -> !alive(pid));
    }

    static int awaitPid(Path file) {
        await(file.getFileName() + " to be written", () -> {
            try {
                return Files.exists(file) && Files.readString(file).trim().matches("\\d+");
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return Integer.parseInt(Files.readString(file).trim());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
