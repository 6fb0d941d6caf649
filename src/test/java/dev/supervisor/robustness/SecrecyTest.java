package dev.supervisor.robustness;

import dev.supervisor.ExitCode;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.testing.S3TestServer;
import dev.supervisor.testing.SupervisorProcess;
import dev.supervisor.vault.Affixes;
import dev.supervisor.vault.KeyPath;
import dev.supervisor.vault.MessageEncryptorCryptor;
import dev.supervisor.vault.MessageEncryptorOptions;
import dev.supervisor.vault.VaultDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a secret could show up while the supervisor runs, and does not. */
class SecrecyTest {
    private static final String FILE_SECRET = "Pem-File-Secret-Content-4242";

    @TempDir
    Path dir;

    /**
     * A verbose run with secrets, a forwarded signal and a stop: the secrets reach only the child's
     * environment, which holds exactly the variables asked for (no passphrase), and nothing else.
     */
    @Test
    void secretsAppearOnlyInTheChildsEnvironment() throws Exception {
        long start = System.currentTimeMillis();
        // Both passphrase variables set: the sign passphrase is in use, and both must be removed for the child.
        MessageEncryptorCryptor signed = new MessageEncryptorCryptor(
                MessageEncryptorOptions.of(Hostile.PASSPHRASE).withSignPassphrase("Sign-Pass-1"));
        Path secrets = Files.writeString(dir.resolve("secrets.yml"), VaultDocument.parse(Hostile.PLAINTEXT, "fixture")
                .encrypt(signed, List.of(KeyPath.root()), Affixes.NONE).toYaml());
        Path pidFile = dir.resolve("child.pid");
        Path child = Hostile.script(dir, "child.sh", "trap 'exit 0' TERM\ntrap '' USR1\necho $$ > " + pidFile
                + "\nwhile :; do sleep 1 & wait $!; done");
        try (SupervisorProcess p = Hostile.supervisor(dir).env("YAML_VAULT_SIGN_PASSPHRASE", "Sign-Pass-1")
                .run("run", "-v", "--secrets", secrets.toString(), "--env-root", "$.production", "--", child.toString())) {
            int pid = Hostile.awaitPid(pidFile);
            String supervisorCmdline = proc(p.pid(), "cmdline");
            String supervisorEnviron = proc(p.pid(), "environ");
            String childEnviron = proc(pid, "environ");
            p.signal("USR1");
            p.signal("TERM");
            assertEquals(0, p.waitFor(Hostile.EXIT), p.stderr());

            Hostile.assertNoSecret(p.stderr() + p.stdout());
            assertFalse(supervisorCmdline.contains(Hostile.SECRET) || supervisorCmdline.contains(Hostile.PASSPHRASE),
                    supervisorCmdline);
            assertFalse(supervisorEnviron.contains(Hostile.SECRET), "decrypted values never enter the supervisor's own environ");
            assertEquals(Set.of("PATH", "HOME", "DATABASE_URL", "API_TOKEN"), names(childEnviron),
                    "exactly the inherited variables and the secrets asked for; passphrases and internals removed");
            assertTrue(childEnviron.contains("API_TOKEN=" + Hostile.OTHER_SECRET));
            assertFalse(childEnviron.contains(Hostile.PASSPHRASE) || childEnviron.contains("Sign-Pass-1"));
        }
        assertNoFileWithSecretSince(start, Path.of(System.getProperty("java.io.tmpdir")), dir);
    }

    /** Success: the file, mode 0600, alone in its directory. Failure of a later object: nothing at all. */
    @Test
    void secretFilesLeaveNoTemporaryOrPartialFileBehind() throws Exception {
        long start = System.currentTimeMillis();
        Path target = Files.createDirectory(dir.resolve("out"));
        try (S3TestServer s3 = new S3TestServer()) {
            s3.put("robust", "cert.pem", FILE_SECRET.getBytes(StandardCharsets.UTF_8));
            String file = "s3://robust/cert.pem=" + target.resolve("cert.pem");
            try (SupervisorProcess p = s3(Hostile.supervisor(dir), s3).run("run", "-v", "--file", file, "--", "true")) {
                assertEquals(0, p.waitFor(Hostile.EXIT), p.stderr());
                assertFalse((p.stderr() + p.stdout()).contains(FILE_SECRET), p.stderr());
            }
            try (Stream<Path> left = Files.list(target)) {
                assertEquals(List.of(target.resolve("cert.pem")), left.toList());
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("cert.pem"))));

            Path second = Files.createDirectory(dir.resolve("second"));
            try (SupervisorProcess p = s3(Hostile.supervisor(dir), s3).run("run", "--file",
                    "s3://robust/cert.pem=" + second.resolve("a.pem"), "--file", "s3://robust/missing=" + second.resolve("b.pem"),
                    "--", "true")) {
                Hostile.assertOneErrorLine(p, ExitCode.CONFIG);
                assertFalse(p.stderr().contains(FILE_SECRET), p.stderr());
            }
            try (Stream<Path> left = Files.list(second)) {
                assertEquals(List.of(), left.toList(), "all or nothing, and no temporary file");
            }
        }
        assertNoFileWithSecretSince(start, Path.of(System.getProperty("java.io.tmpdir")), target);
    }

    private static SupervisorProcess.Builder s3(SupervisorProcess.Builder builder, S3TestServer s3) {
        return builder.env("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY)
                .env("AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY)
                .env("AWS_REGION", KmsTestServer.REGION)
                .env("AWS_ENDPOINT_URL_S3", s3.endpoint())
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }

    private static String proc(int pid, String name) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Integer.toString(pid), name)), StandardCharsets.UTF_8);
    }

    private static Set<String> names(String environ) {
        return Arrays.stream(environ.split("\0")).filter(e -> !e.isEmpty()).map(e -> e.substring(0, e.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** No file written since {@code start} under {@code root} (except the expected target) holds a secret. */
    private static void assertNoFileWithSecretSince(long start, Path root, Path except) throws IOException {
        List<String> secrets = List.of(Hostile.SECRET, Hostile.OTHER_SECRET, FILE_SECRET);
        try (Stream<Path> files = Files.find(root, 4, (path, attrs) -> attrs.isRegularFile()
                && attrs.lastModifiedTime().toMillis() >= start && attrs.size() < 1 << 20 && !path.startsWith(except))) {
            for (Path file : files.toList()) {
                String text;
                try {
                    text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                } catch (IOException unreadable) {
                    continue;
                }
                for (String secret : secrets) assertFalse(text.contains(secret), "a secret in " + file);
            }
        }
    }
}
