package dev.supervisor.cli;

import dev.supervisor.aws.AwsSettings;
import dev.supervisor.config.SecretsConfig;
import dev.supervisor.secrets.EnvironmentBuilder;
import dev.supervisor.secrets.SecretFile;
import dev.supervisor.secrets.SecretFileInstaller;
import dev.supervisor.secrets.SecretFileWriter;
import dev.supervisor.secrets.SecretsLoader;
import dev.supervisor.aws.S3ObjectReader;
import dev.supervisor.vault.Cryptor;
import dev.supervisor.vault.CryptorSpec;
import dev.supervisor.vault.MessageEncryptorOptions;
import dev.supervisor.vault.VaultDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The secrets half of a start, shared by {@code run}, {@code env} and {@code check}: the child's
 * environment from the secrets file, and the secret files written to disk. AWS is reached only when a
 * setting needs it.
 */
final class SecretsPreparation implements AutoCloseable {
    private final SecretsConfig settings;
    private final SecretsLoader loader;
    private final AwsAccess aws;
    private final PassphraseSource passphrases;

    SecretsPreparation(SecretsConfig settings, Map<String, String> env, Path workdir, PassphraseSource.Terminal terminal,
                       Consumer<String> warnings) {
        this.settings = settings;
        this.loader = new SecretsLoader(settings, env, workdir, warnings);
        this.aws = new AwsAccess(awsSettings(settings, env));
        this.passphrases = new PassphraseSource(env, terminal);
    }

    boolean hasSource() {
        return loader.hasSource();
    }

    /** The child's environment: {@code base} plus the secrets, never a passphrase variable. */
    SecretsLoader.Loaded environment(Map<String, String> base) {
        if (!loader.hasSource()) {
            Map<String, String> clean = new LinkedHashMap<>(base);
            clean.remove(EnvironmentBuilder.PASSPHRASE_VARIABLE);
            clean.remove(EnvironmentBuilder.SIGN_PASSPHRASE_VARIABLE);
            return new SecretsLoader.Loaded(clean, List.of());
        }
        return loader.load(base, this::cryptor, location -> s3().read(location), Set.of());
    }

    /** For {@code check}: the decrypted document, proving every targeted value decrypts. */
    VaultDocument decryptedDocument() {
        return loader.decryptedDocument(this::cryptor, location -> s3().read(location));
    }

    /** Downloads and decrypts every {@code --file} into memory; writes nothing. */
    List<SecretFileWriter.Entry> fetchFiles() {
        List<SecretFile> files = new ArrayList<>();
        for (String spec : settings.files()) files.add(SecretFile.parse(spec));
        return installer().fetch(files);
    }

    /** Writes what {@link #fetchFiles} fetched: atomically, all or nothing. */
    void writeFiles(List<SecretFileWriter.Entry> fetched) {
        installer().write(fetched);
    }

    private SecretFileInstaller installer() {
        return new SecretFileInstaller(location -> s3().read(location),
                settings.filesKms() ? (object, from) -> aws.services().kmsFiles(null).decrypt(object, from) : null,
                new SecretFileWriter());
    }

    private S3ObjectReader s3() {
        return aws.services().s3Reader(S3ObjectReader.DEFAULT_MAX_BYTES);
    }

    private Cryptor cryptor(SecretsConfig s) {
        return new Cryptors(aws).create(new CryptorSpec(CryptorSpec.normalizeName(s.cryptor()),
                () -> passphraseOptions(s), s.awsKmsKeyId(), s.awsRegion(), null));
    }

    private MessageEncryptorOptions passphraseOptions(SecretsConfig s) {
        MessageEncryptorOptions options = MessageEncryptorOptions
                .of(passphrases.passphrase(s.passphraseFile() == null ? null : Path.of(s.passphraseFile())))
                .withSignPassphrase(passphrases.signPassphrase(s.useSignPassphrase()))
                .withSalt(s.salt());
        if (s.cipher() != null) options = options.withCipher(MessageEncryptorOptions.CipherMode.parse(s.cipher()));
        if (s.digest() != null) options = options.withDigest(MessageEncryptorOptions.Digest.parse(s.digest()));
        return options;
    }

    static AwsSettings awsSettings(SecretsConfig s, Map<String, String> env) {
        AwsSettings aws = AwsSettings.fromEnvironment(env).withRegion(s.awsRegion()).withEndpoint(s.awsEndpoint());
        if (s.kmsConcurrency() != null) aws = aws.withConcurrency(s.kmsConcurrency());
        if (s.timeout() != null) aws = aws.withTimeout(s.timeout());
        return aws;
    }

    @Override
    public void close() {
        aws.close();
    }
}
