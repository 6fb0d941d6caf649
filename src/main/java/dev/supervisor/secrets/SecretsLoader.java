package dev.supervisor.secrets;

import dev.supervisor.config.SecretsConfig;
import dev.supervisor.vault.Affixes;
import dev.supervisor.vault.Cryptor;
import dev.supervisor.vault.Erb;
import dev.supervisor.vault.KeyPath;
import dev.supervisor.vault.VaultDocument;
import dev.supervisor.vault.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The secrets step of a start: read the secrets file (local or S3), decrypt the values at the key paths,
 * and turn the env-root subtree into the child's environment. Nothing here prints or starts anything;
 * a failure is one exception naming the file and key path.
 */
public final class SecretsLoader {
    /** The environment for the child, and the names the user's own environment kept (names only). */
    public record Loaded(Map<String, String> environment, List<String> keptExisting) {}

    /** Makes the cryptor the settings name; built by the CLI, which knows where passphrases come from. */
    @FunctionalInterface
    public interface CryptorSource {
        Cryptor cryptorFor(SecretsConfig settings);
    }

    /** Reads {@code s3://} objects; only touched when a source is in S3 (so the SDK stays unloaded otherwise). */
    @FunctionalInterface
    public interface ObjectReader {
        byte[] read(S3Location location);
    }

    private final SecretsConfig settings;
    private final Map<String, String> env;
    private final Path workdir;
    private final Consumer<String> warnings;

    /** @param warnings told about what works but is probably a mistake (a key path that selects nothing) */
    public SecretsLoader(SecretsConfig settings, Map<String, String> env, Path workdir, Consumer<String> warnings) {
        this.settings = settings;
        this.env = env;
        this.workdir = workdir;
        this.warnings = warnings;
    }

    public boolean hasSource() {
        return settings.source() != null && !settings.source().isBlank();
    }

    /** The decrypted document (for {@code check}), or the plaintext one with {@code plaintext: true}. */
    public VaultDocument decryptedDocument(CryptorSource cryptors, ObjectReader s3) {
        String name = settings.source();
        String text = YamlReader.decodeUtf8(read(name, s3), name);
        // yaml_vault's CLI (Main.from_file) evaluates ERB over the whole text before parsing.
        VaultDocument document = VaultDocument.parse(Erb.hasTags(text) ? Erb.render(text, env, name) : text, name);
        if (settings.plaintext()) return document;
        List<KeyPath> keys = keyPaths();
        for (KeyPath unmatched : document.unmatched(keys)) {
            warnings.accept(name + ": key path " + unmatched + " selects no value (nothing decrypted for it)");
        }
        return document.decrypt(cryptors.cryptorFor(settings), keys, new Affixes(settings.prefix(), settings.suffix()));
    }

    /** The child's environment: {@code base} plus the secrets, without the passphrase variables. */
    public Loaded load(Map<String, String> base, CryptorSource cryptors, ObjectReader s3, Set<String> passphraseVariables) {
        Object values = decryptedDocument(cryptors, s3).values();
        EnvironmentBuilder.Options options = new EnvironmentBuilder.Options(settings.envRoot(), settings.overrideEnv(),
                passphraseVariables);
        EnvironmentBuilder.Result result;
        try {
            result = EnvironmentBuilder.build(values, base, options);
        } catch (EnvironmentException e) {
            throw new EnvironmentException(e.reason(), settings.source() + ": " + rawMessage(e));
        }
        return new Loaded(result.environment(), result.keptExisting());
    }

    private static String rawMessage(EnvironmentException e) {
        String m = e.getMessage();
        String suffix = " (" + e.reason() + ")";
        return m.endsWith(suffix) ? m.substring(0, m.length() - suffix.length()) : m;
    }

    private List<KeyPath> keyPaths() {
        if (settings.keys().isEmpty()) return List.of(KeyPath.root());
        List<KeyPath> out = new ArrayList<>();
        for (String value : settings.keys()) out.addAll(KeyPath.parseList(value));
        return out;
    }

    private byte[] read(String source, ObjectReader s3) {
        if (source.startsWith("s3://")) return s3.read(S3Location.parse(source));
        return SourceFile.read(workdir == null ? Path.of(source) : workdir.resolve(source), source);
    }
}
