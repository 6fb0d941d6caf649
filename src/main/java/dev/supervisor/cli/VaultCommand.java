package dev.supervisor.cli;

import dev.supervisor.ExitCode;
import dev.supervisor.secrets.SourceFile;
import dev.supervisor.vault.Affixes;
import dev.supervisor.vault.Cryptor;
import dev.supervisor.vault.CryptorFactory;
import dev.supervisor.vault.CryptorSpec;
import dev.supervisor.vault.Erb;
import dev.supervisor.vault.KeyPath;
import dev.supervisor.vault.MessageEncryptorOptions;
import dev.supervisor.vault.Pbkdf2;
import dev.supervisor.vault.VaultDocument;
import dev.supervisor.vault.VaultException;
import dev.supervisor.vault.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vault decrypt|encrypt FILE}: yaml_vault's own command line, so files can be made and checked
 * without Ruby. Reads the file through ERB as yaml_vault's CLI does, writes to standard output or
 * {@code -o}. Failures are thrown (SupervisorException/VaultException) for the top-level handler.
 */
@Command(name = "vault", mixinStandardHelpOptions = true,
        description = {"Encrypt or decrypt values in a yaml_vault file.",
                "Passphrases come from YAML_VAULT_PASSPHRASE and YAML_VAULT_SIGN_PASSPHRASE, "
                        + "--passphrase-file, or a prompt on a terminal."})
public final class VaultCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final CryptorFactory cryptors;
    private final PassphraseSource.Terminal terminal;

    @Spec
    CommandSpec spec;

    public VaultCommand(Map<String, String> env) {
        this(env, CryptorFactory.standard(), null);
    }

    public VaultCommand(Map<String, String> env, CryptorFactory cryptors, PassphraseSource.Terminal terminal) {
        this.env = Map.copyOf(env);
        this.cryptors = cryptors;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: decrypt or encrypt");
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Decrypt the values at the key paths and print the file in plaintext.")
    int decrypt(@Mixin VaultFileOptions options) {
        VaultDocument document = read(options);
        document.decrypt(cryptor(options), keys(options), new Affixes(options.prefix, options.suffix));
        return emit(options, document.toYaml());
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = "Encrypt the values at the key paths and print the encrypted file.")
    int encrypt(@Mixin VaultFileOptions options) {
        VaultDocument document = read(options);
        document.encrypt(cryptor(options), keys(options), new Affixes(options.prefix, options.suffix));
        return emit(options, document.toYaml());
    }

    private VaultDocument read(VaultFileOptions options) {
        String name = options.file.toString();
        byte[] bytes = SourceFile.read(options.file, name);
        String text = YamlReader.decodeUtf8(bytes, name);
        // yaml_vault's CLI (Main.from_file) runs ERB over the whole file before parsing it.
        return VaultDocument.parse(Erb.hasTags(text) ? Erb.render(text, env, name) : text, name);
    }

    private List<KeyPath> keys(VaultFileOptions options) {
        if (options.keys.isEmpty()) return List.of(KeyPath.root());
        List<KeyPath> out = new ArrayList<>();
        for (String value : options.keys) out.addAll(KeyPath.parseList(value));
        return out;
    }

    private Cryptor cryptor(VaultFileOptions options) {
        String name = CryptorSpec.normalizeName(options.cryptor);
        MessageEncryptorOptions.CipherMode cipher = MessageEncryptorOptions.CipherMode.parse(options.cipher);
        MessageEncryptorOptions.Digest digest = MessageEncryptorOptions.Digest.parse(options.digest);
        Pbkdf2.Hash kdf = parseKdf(options.kdfDigest);
        PassphraseSource passphrases = new PassphraseSource(env, terminal);
        return cryptors.create(new CryptorSpec(name, () -> MessageEncryptorOptions.of(
                        passphrases.passphrase(options.passphraseFile))
                .withSignPassphrase(passphrases.signPassphrase(options.useSignPassphrase))
                .withSalt(options.salt).withCipher(cipher).withDigest(digest).withKdfHash(kdf),
                options.awsKmsKeyId, options.awsRegion, null));
    }

    private static Pbkdf2.Hash parseKdf(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        if (n.equals("SHA1")) return Pbkdf2.Hash.SHA1;
        if (n.equals("SHA256")) return Pbkdf2.Hash.SHA256;
        throw new VaultException(ExitCode.USAGE, "UnsupportedDigest", "--kdf-digest must be SHA1 or SHA256");
    }

    private int emit(VaultFileOptions options, String yaml) {
        if (options.output != null) {
            OutputFile.write(options.output, yaml);
        } else {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
