package dev.supervisor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.SupervisorException;
import dev.supervisor.vault.CryptorFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VaultCommandTest {
    private static final Map<String, String> ENV = Map.of("YAML_VAULT_PASSPHRASE", "testpassphrase",
            "YAML_VAULT_SIGN_PASSPHRASE", "signpassphrase");

    @TempDir
    Path dir;

    /** Runs the command like the top level will: expected failures print one line and exit with their code. */
    private static final class Run {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        int status;

        Run(VaultCommand command, String... args) {
            CommandLine cli = new CommandLine(command);
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            cli.setExecutionExceptionHandler((e, line, parsed) -> {
                if (!(e instanceof SupervisorException s)) throw e;
                line.getErr().println(s.getMessage());
                return s.exitCode();
            });
            status = cli.execute(args);
        }
    }

    private static Path vector(String id) {
        return Path.of(System.getProperty("shared.dir", "../shared"), "vectors", "yaml_vault", id, "encrypted.yml");
    }

    @Test
    void decryptsAVectorToStandardOutput() {
        Run run = new Run(new VaultCommand(ENV), "decrypt", vector("symbol_keys").toString(),
                "-k", "$.:database.:password, $.:api_key");
        assertEquals(0, run.status, run.err.toString());
        assertTrue(run.out.toString().contains(":password: s3cr3t"), run.out.toString());
        assertTrue(run.out.toString().contains(":api_key: abcdef123456"), run.out.toString());
    }

    @Test
    void encryptsToAPrivateFileThatDecryptsBack() throws Exception {
        Path source = Files.writeString(dir.resolve("secrets.yml"), "production:\n  token: t0ken\nother: x\n");
        Path encrypted = dir.resolve("secrets.enc.yml");
        Run enc = new Run(new VaultCommand(ENV), "encrypt", source.toString(), "-o", encrypted.toString(),
                "-k", "$.production", "--cipher", "aes-256-gcm", "--salt", "pepper", "--prefix", "ENC(", "--suffix", ")");
        assertEquals(0, enc.status, enc.err.toString());
        String text = Files.readString(encrypted);
        assertFalse(text.contains("t0ken"));
        assertTrue(text.contains("token: ENC("), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(encrypted)));
        Run dec = new Run(new VaultCommand(ENV), "decrypt", encrypted.toString(), "--key=$.production",
                "--cipher=aes-256-gcm", "-s", "pepper", "--prefix", "ENC(", "--suffix", ")");
        assertEquals(0, dec.status, dec.err.toString());
        assertTrue(dec.out.toString().contains("token: t0ken"), dec.out.toString());
    }

    @Test
    void wrongPassphraseExits78NamingFileAndPathOnly() {
        Run run = new Run(new VaultCommand(Map.of("YAML_VAULT_PASSPHRASE", "wrong-pass")), "decrypt",
                vector("minimal_no_sign").toString());
        assertEquals(78, run.status);
        String err = run.err.toString();
        assertTrue(err.contains("$.secret") && err.contains("InvalidSignature") && err.contains("encrypted.yml"), err);
        assertFalse(err.contains("wrong-pass"), err);
    }

    @Test
    void missingPassphraseWithoutTerminalIsAUsageError() {
        Run run = new Run(new VaultCommand(Map.of()), "decrypt", vector("minimal_no_sign").toString());
        assertEquals(64, run.status);
        assertTrue(run.err.toString().contains("YAML_VAULT_PASSPHRASE"), run.err.toString());
    }

    @Test
    void promptsOnTheTerminalWhenNoVariableIsSet() {
        Run run = new Run(new VaultCommand(Map.of(), CryptorFactory.standard(), prompt -> "testpassphrase".toCharArray()),
                "decrypt", vector("minimal_no_sign").toString());
        assertEquals(0, run.status, run.err.toString());
    }

    @Test
    void passphraseFileIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("pass"), "testpassphrase\n");
        Run run = new Run(new VaultCommand(Map.of()), "decrypt", vector("minimal_no_sign").toString(),
                "--passphrase-file", file.toString());
        assertEquals(0, run.status, run.err.toString());
    }

    @Test
    void awsKmsIsAcceptedAsANameButNotAvailableYet() {
        Run run = new Run(new VaultCommand(ENV), "decrypt", vector("minimal_no_sign").toString(), "--cryptor", "kms");
        assertEquals(64, run.status);
        assertTrue(run.err.toString().contains("aws-kms cryptor not available"), run.err.toString());
    }

    @Test
    void malformedYamlExits78WithLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "a: [1\n");
        Run run = new Run(new VaultCommand(ENV), "decrypt", bad.toString());
        assertEquals(78, run.status);
        assertTrue(run.err.toString().contains("line "), run.err.toString());
    }

    @Test
    void erbIsEvaluatedFromTheGivenEnvironment() throws Exception {
        Path source = Files.writeString(dir.resolve("erb.yml"), "host: <%= ENV.fetch('DB_HOST') %>\n");
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("DB_HOST", "db.internal");
        Run enc = new Run(new VaultCommand(env), "encrypt", source.toString(), "-k", "$.nothing");
        assertEquals("host: db.internal\n", enc.out.toString());
    }

    @Test
    void helpDescribesTheSubcommands() {
        Run run = new Run(new VaultCommand(ENV), "--help");
        assertEquals(0, run.status);
        assertTrue(run.out.toString().contains("decrypt") && run.out.toString().contains("encrypt"), run.out.toString());
    }
}
