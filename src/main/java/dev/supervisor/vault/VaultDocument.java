package dev.supervisor.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A yaml_vault file: the YAML node tree plus the encrypt/decrypt walk of yaml_vault's YAMLTreeBuilder.
 * Targeted value scalars are collected first and handed to the cryptor in one batch
 * ({@link Cryptor#decryptAll}), so a remote cryptor can work concurrently. Decrypt and encrypt change
 * this document's nodes in place; {@link #toYaml()} writes it back.
 */
public final class VaultDocument {
    /** yaml_vault's tag restoration, /\A(!.*?)\s+(.*)\z/ with Ruby's '.' (stops only at \n). */
    private static final Pattern TAGGED = Pattern.compile("\\A(!.*?)\\s+(.*)\\z", Pattern.UNIX_LINES);

    private final String file;
    private final List<YamlDocument> documents;

    private VaultDocument(String file, List<YamlDocument> documents) {
        this.file = file;
        this.documents = documents;
    }

    /** Parses UTF-8 bytes; {@code file} names the source in messages. ERB, if wanted, runs before this. */
    public static VaultDocument parse(byte[] bytes, String file) {
        return new VaultDocument(file, YamlReader.read(bytes, file));
    }

    public static VaultDocument parse(String text, String file) {
        return new VaultDocument(file, YamlReader.read(text, file));
    }

    public String file() {
        return file;
    }

    public List<YamlDocument> documents() {
        return documents;
    }

    /** The value scalars the key paths select, in document order (all documents). */
    List<ScalarWalk.Located> targets(List<KeyPath> keys) {
        List<ScalarWalk.Located> out = new ArrayList<>();
        for (YamlDocument document : documents) {
            for (ScalarWalk.Located located : ScalarWalk.valueScalars(document.root())) {
                if (matchesAny(keys, located)) out.add(located);
            }
        }
        return out;
    }

    /**
     * The key paths that select no value scalar. Not an error (yaml_vault accepts them silently), but
     * usually a typo, so the CLI warns about each by its text.
     */
    public List<KeyPath> unmatched(List<KeyPath> keys) {
        List<KeyPath> out = new ArrayList<>();
        for (KeyPath key : keys) {
            if (targets(List.of(key)).isEmpty()) out.add(key);
        }
        return out;
    }

    private boolean matchesAny(List<KeyPath> keys, ScalarWalk.Located located) {
        try {
            for (KeyPath key : keys) {
                if (key.matches(located.path())) return true;
            }
            return false;
        } catch (VaultException e) {
            throw e.at(file, located.display());
        }
    }

    /** Decrypts every targeted value; the first failing one aborts with its path (FORMAT.md §4). */
    public VaultDocument decrypt(Cryptor cryptor, List<KeyPath> keys, Affixes affixes) {
        List<ScalarWalk.Located> targets = targets(keys);
        List<String> encoded = new ArrayList<>(targets.size());
        for (ScalarWalk.Located t : targets) encoded.add(affixes.strip(t.scalar().value()));
        List<String> plain = runBatch(targets, () -> cryptor.decryptAll(encoded));
        for (int i = 0; i < targets.size(); i++) {
            YamlNode.Scalar scalar = targets.get(i).scalar();
            Matcher tagged = TAGGED.matcher(plain.get(i));
            if (tagged.matches()) {
                scalar.replace(tagged.group(2), tagged.group(1), false);
            } else {
                scalar.replace(plain.get(i), scalar.tag(), scalar.plainImplicit());
            }
        }
        return this;
    }

    /** Encrypts every targeted value; a tag moves into the plaintext as "<tag> <value>" (FORMAT.md §3.3). */
    public VaultDocument encrypt(Cryptor cryptor, List<KeyPath> keys, Affixes affixes) {
        List<ScalarWalk.Located> targets = targets(keys);
        List<String> plaintexts = new ArrayList<>(targets.size());
        for (ScalarWalk.Located t : targets) {
            YamlNode.Scalar s = t.scalar();
            plaintexts.add(s.tag() == null ? s.value() : s.tag() + " " + s.value());
        }
        List<String> sealed = runBatch(targets, () -> cryptor.encryptAll(plaintexts));
        for (int i = 0; i < targets.size(); i++) {
            YamlNode.Scalar scalar = targets.get(i).scalar();
            boolean hadTag = scalar.tag() != null;
            scalar.replace(affixes.wrap(sealed.get(i)), null, hadTag || scalar.plainImplicit());
        }
        return this;
    }

    private List<String> runBatch(List<ScalarWalk.Located> targets, java.util.function.Supplier<List<String>> batch) {
        try {
            List<String> out = batch.get();
            if (out.size() != targets.size()) throw new IllegalStateException("cryptor returned a short batch");
            return out;
        } catch (VaultException e) {
            int index = e.valueIndex();
            String path = index >= 0 && index < targets.size() ? targets.get(index).display() : e.keyPath();
            throw e.at(file, path);
        }
    }

    /** The document written back as YAML (comments are not kept, as in yaml_vault). */
    public String toYaml() {
        return YamlWriter.write(documents);
    }

    /**
     * The single document as plain Java values (see {@link ValueTree}); an error when the file holds
     * no document or more than one.
     */
    public Object values() {
        if (documents.size() != 1) {
            throw YamlReader.failure(file, "expected exactly one YAML document, found " + documents.size());
        }
        return ValueTree.of(documents.get(0).root(), file);
    }
}
