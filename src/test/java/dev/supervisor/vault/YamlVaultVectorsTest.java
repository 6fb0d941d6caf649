package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector made by the original yaml_vault: decrypts to the expected values or fails as it did. */
class YamlVaultVectorsTest {

    static Stream<VectorFixture> vectors() {
        return VectorFixture.all().stream();
    }

    static Stream<VectorFixture> positiveVectors() {
        return vectors().filter(v -> !v.negative());
    }

    @Test
    void indexListsAllTwentyNineVectors() {
        assertEquals(29, VectorFixture.all().size());
    }

    private static VaultDocument decrypt(VectorFixture v, String yaml) {
        VaultDocument doc = VaultDocument.parse(yaml, v.id() + "/encrypted.yml");
        return doc.decrypt(new MessageEncryptorCryptor(v.decryptOptions()), v.keys(), v.affixes());
    }

    private static String encryptedText(VectorFixture v) {
        String text = v.text("encrypted");
        return v.sidecar().path("erb").asBoolean() ? Erb.render(text, Map.of(), v.id()) : text;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decryptsLikeYamlVault(VectorFixture v) {
        if (v.negative()) {
            VaultException e = assertThrows(VaultException.class, () -> decrypt(v, encryptedText(v)));
            String errorClass = v.expected().get("error_class").asText();
            assertEquals(errorClass.substring(errorClass.lastIndexOf(':') + 1), e.reason());
            assertEquals(v.expected().get("failing_path").asText(), e.keyPath());
            assertFalse(e.getMessage().contains(v.decryptOptions().passphrase()), "passphrase in message");
            return;
        }
        assertDecryptedAsExpected(v, decrypt(v, encryptedText(v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveVectors")
    void ourEmittedDecryptionReadsBackWithTheSameValues(VectorFixture v) {
        String emitted = decrypt(v, encryptedText(v)).toYaml();
        Map<String, YamlNode> nodes = NodeIndex.of(VaultDocument.parse(emitted, "emitted"));
        v.stringMap("decrypted_values").forEach((path, value) ->
                assertEquals(value, ((YamlNode.Scalar) nodes.get(path)).value(), path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveVectors")
    void roundTripsSourceThroughOurEncryptor(VectorFixture v) {
        MessageEncryptorCryptor cryptor = new MessageEncryptorCryptor(v.encryptOptions());
        VaultDocument source = VaultDocument.parse(v.text("source"), "source.yml");
        String encrypted = source.encrypt(cryptor, v.keys(), v.affixes()).toYaml();
        assertDecryptedAsExpected(v, decrypt(v, encrypted));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> optionMatrix() {
        MessageEncryptorOptions base = MessageEncryptorOptions.of("matrix-pass");
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("cbc-sha1", base.withDigest(MessageEncryptorOptions.Digest.SHA1), Affixes.NONE),
                org.junit.jupiter.params.provider.Arguments.of("cbc-sha256-sign", base.withSignPassphrase("matrix-sign"), Affixes.NONE),
                org.junit.jupiter.params.provider.Arguments.of("cbc-sha512-salt", base.withDigest(MessageEncryptorOptions.Digest.SHA512).withSalt("s"), Affixes.NONE),
                org.junit.jupiter.params.provider.Arguments.of("gcm-sign-ignored", base.withCipher(MessageEncryptorOptions.CipherMode.AES_256_GCM).withSignPassphrase("x"), Affixes.NONE),
                org.junit.jupiter.params.provider.Arguments.of("cbc-prefix-suffix", base, new Affixes("ENC(", ")")),
                org.junit.jupiter.params.provider.Arguments.of("gcm-brace-prefix", base.withCipher(MessageEncryptorOptions.CipherMode.AES_256_GCM), new Affixes("{ENC:", "}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionMatrix")
    void roundTripsTaggedAliasedSampleWithEveryOption(String name, MessageEncryptorOptions options, Affixes affixes) {
        VectorFixture v = VectorFixture.named("spec_sample_reencrypted");
        MessageEncryptorCryptor cryptor = new MessageEncryptorCryptor(options);
        String encrypted = VaultDocument.parse(v.text("source"), "source.yml").encrypt(cryptor, v.keys(), affixes).toYaml();
        VaultDocument decrypted = VaultDocument.parse(encrypted, name).decrypt(cryptor, v.keys(), affixes);
        assertDecryptedAsExpected(v, decrypted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveVectors")
    void valueTreeMatchesRubyHashForStrings(VectorFixture v) {
        Object tree = decrypt(v, encryptedText(v)).values();
        v.expected().get("ruby_hash_flat").properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                assertEquals(e.getValue().asText(), lookup(tree, e.getKey()), e.getKey());
            } else if (e.getValue().isNull()) {
                assertEquals(null, lookup(tree, e.getKey()), e.getKey());
            }
        });
    }

    /** Resolves a display path like $.a["b.c"][0] in a value tree. */
    @SuppressWarnings("unchecked")
    static Object lookup(Object tree, String displayPath) {
        Object at = tree;
        int i = 1;
        while (i < displayPath.length()) {
            char c = displayPath.charAt(i);
            if (c == '[' && displayPath.charAt(i + 1) == '"') {
                int end = displayPath.indexOf("\"]", i + 2);
                at = ((Map<String, Object>) at).get(displayPath.substring(i + 2, end));
                i = end + 2;
            } else if (c == '[') {
                int end = displayPath.indexOf(']', i);
                at = ((List<Object>) at).get(Integer.parseInt(displayPath.substring(i + 1, end)));
                i = end + 1;
            } else {
                int end = i + 1;
                while (end < displayPath.length() && displayPath.charAt(end) != '.' && displayPath.charAt(end) != '[') end++;
                at = ((Map<String, Object>) at).get(displayPath.substring(i + 1, end));
                i = end;
            }
        }
        return at;
    }

    static void assertDecryptedAsExpected(VectorFixture v, VaultDocument decrypted) {
        Map<String, YamlNode> nodes = NodeIndex.of(decrypted);
        Map<String, String> tags = v.stringMap("decrypted_tags");
        v.stringMap("decrypted_values").forEach((path, value) -> {
            YamlNode.Scalar scalar = assertInstanceOf(YamlNode.Scalar.class, nodes.get(path), path);
            assertEquals(value, scalar.value(), path);
            if (tags.containsKey(path)) assertEquals(tags.get(path), scalar.tag(), path + " tag");
        });
        v.stringMap("plain_values").forEach((path, value) -> {
            YamlNode node = nodes.get(path);
            assertNotNull(node, path);
            if (node instanceof YamlNode.Scalar s) assertEquals(value, s.value(), path);
        });
        v.stringMap("aliases").forEach((path, alias) -> {
            YamlNode.Alias a = assertInstanceOf(YamlNode.Alias.class, nodes.get(path), path);
            assertEquals(alias, "*" + a.anchor(), path);
        });
    }
}
