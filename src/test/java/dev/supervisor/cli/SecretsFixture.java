package dev.supervisor.cli;

import dev.supervisor.vault.Affixes;
import dev.supervisor.vault.KeyPath;
import dev.supervisor.vault.MessageEncryptorCryptor;
import dev.supervisor.vault.MessageEncryptorOptions;
import dev.supervisor.vault.VaultDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A yaml_vault secrets file encrypted by our own encryptor (the vectors prove it is yaml_vault's format). */
final class SecretsFixture {
    static final String PASSPHRASE = "fixture-passphrase";
    static final String SIGN_PASSPHRASE = "fixture-sign";
    static final String PLAINTEXT = """
            production:
              database_url: postgres://app:Pr0d-Secret@db/app
              secret_key_base: 0123456789abcdef
              aws:
                access_key_id: AKIAFIXTURE
              hosts: [a.example, b.example]
              unused: ~
            staging:
              database_url: postgres://app:St4g1ng@db/staging
            """;

    private SecretsFixture() {}

    static Path encrypted(Path dir) throws IOException {
        MessageEncryptorCryptor cryptor = new MessageEncryptorCryptor(
                MessageEncryptorOptions.of(PASSPHRASE).withSignPassphrase(SIGN_PASSPHRASE));
        String yaml = VaultDocument.parse(PLAINTEXT, "fixture").encrypt(cryptor, List.of(KeyPath.root()), Affixes.NONE).toYaml();
        Path file = dir.resolve("secrets.yml");
        Files.writeString(file, yaml);
        return file;
    }

    static Path plaintext(Path dir) throws IOException {
        Path file = dir.resolve("secrets.plain.yml");
        Files.writeString(file, PLAINTEXT);
        return file;
    }

    /** The supervisor as a process, with the fixture's passphrases in its environment. */
    static dev.supervisor.testing.SupervisorProcess.Builder supervisorWithPassphrases(Path dir) {
        return dev.supervisor.testing.SupervisorProcess.in(dir)
                .env("YAML_VAULT_PASSPHRASE", PASSPHRASE)
                .env("YAML_VAULT_SIGN_PASSPHRASE", SIGN_PASSPHRASE);
    }

    /** The yaml_vault shared vectors directory (read, never copied). */
    static Path vector(String id) {
        return Path.of(System.getProperty("shared.dir", "../shared"), "vectors", "yaml_vault", id);
    }
}
