package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

class VaultDocumentTest {
    private static final MessageEncryptorCryptor CRYPTOR = new MessageEncryptorCryptor(
            MessageEncryptorOptions.of("doc-test-passphrase"));
    private static final List<KeyPath> ALL = List.of(KeyPath.root());

    private static VaultDocument roundTrip(String yaml, List<KeyPath> keys, Affixes affixes) {
        String encrypted = VaultDocument.parse(yaml, "in.yml").encrypt(CRYPTOR, keys, affixes).toYaml();
        return VaultDocument.parse(encrypted, "enc.yml").decrypt(CRYPTOR, keys, affixes);
    }

    private static YamlNode.Scalar at(VaultDocument doc, String path) {
        return assertInstanceOf(YamlNode.Scalar.class, NodeIndex.of(doc).get(path), path);
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() {
        VaultException e = assertThrows(VaultException.class, () -> VaultDocument.parse("a: 1\nb: [x\nc: : d\n", "bad.yml"));
        assertEquals("bad.yml", e.file());
        assertEquals(78, e.exitCode());
        assertTrue(e.getMessage().matches(".*line \\d+, column \\d+.*"), e.getMessage());
    }

    @Test
    void billionLaughsIsRejectedWhenValuesAreBuilt() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p);
            for (int i = 0; i < 9; i++) yaml.append(", *").append(p);
            yaml.append("]\n");
        }
        VaultDocument doc = VaultDocument.parse(yaml.toString(), "lol.yml");
        VaultException e = assertThrows(VaultException.class, doc::values);
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void deepNestingIsRejected() {
        String yaml = "[".repeat(YamlReader.MAX_DEPTH + 1) + "]".repeat(YamlReader.MAX_DEPTH + 1);
        assertThrows(VaultException.class, () -> VaultDocument.parse(yaml, "deep.yml"));
    }

    @Test
    void nonUtf8FileIsAClearError() {
        VaultException e = assertThrows(VaultException.class,
                () -> VaultDocument.parse(new byte[] {'a', ':', ' ', (byte) 0xff}, "latin.yml"));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void duplicateKeysAreKeptForDecryptButRejectedForValues() {
        VaultDocument doc = VaultDocument.parse("a: 1\na: 2\n", "dup.yml");
        assertEquals(2, ScalarWalk.valueScalars(doc.documents().get(0).root()).size());
        VaultException e = assertThrows(VaultException.class, doc::values);
        assertEquals("$.a", e.keyPath());
    }

    @Test
    void valueTreeResolvesAliasesAndMergeKeysLikePsych() {
        Object tree = VaultDocument.parse("base: &b {user: u, pass: p}\nprod:\n  <<: *b\n  pass: q\n  host: ~\n  port:\n",
                "m.yml").values();
        @SuppressWarnings("unchecked")
        Map<String, Object> prod = (Map<String, Object>) ((Map<String, Object>) tree).get("prod");
        assertEquals("u", prod.get("user"));
        assertEquals("q", prod.get("pass"));
        assertTrue(prod.containsKey("host"));
        assertNull(prod.get("host"));
        assertNull(prod.get("port"));
    }

    @Test
    void tagIsFoldedIntoPlaintextAndRestored() {
        VaultDocument encrypted = VaultDocument.parse("r: !ruby/range 1..10\n", "t.yml").encrypt(CRYPTOR, ALL, Affixes.NONE);
        YamlNode.Scalar sealed = at(encrypted, "$.r");
        assertNull(sealed.tag());
        assertEquals("!ruby/range 1..10", CRYPTOR.decrypt(sealed.value()));
        VaultDocument decrypted = VaultDocument.parse(encrypted.toYaml(), "t.yml").decrypt(CRYPTOR, ALL, Affixes.NONE);
        assertEquals("!ruby/range", at(decrypted, "$.r").tag());
        assertEquals("1..10", at(decrypted, "$.r").value());
        // SnakeYAML's emitter quotes a tagged plain scalar ('1..10'); the node (tag + value) is the same.
        YamlNode.Scalar reread = at(VaultDocument.parse(decrypted.toYaml(), "t.yml"), "$.r");
        assertEquals("!ruby/range", reread.tag());
        assertEquals("1..10", reread.value());
    }

    @Test
    void restorationRegexStopsAtNewlineLikeRuby() {
        // Checked with Ruby 3.1: "!x y\n" =~ /\A(!.*?)\s+(.*)\z/ gives $1 = "!x y" (\s+ takes the \n), $2 = "".
        VaultDocument doc = roundTrip("a: \"!a b\\nc\"\nb: \"!x y\\n\"\nc: \"plain\\ntext\"\n", ALL, Affixes.NONE);
        assertEquals("!a b", at(doc, "$.a").tag());
        assertEquals("c", at(doc, "$.a").value());
        assertEquals("!x y", at(doc, "$.b").tag());
        assertEquals("", at(doc, "$.b").value());
        assertEquals("plain\ntext", at(doc, "$.c").value());
    }

    @Test
    void binaryTagDoesNotComeBackAsTag() {
        VaultDocument doc = roundTrip("b: !!binary aGVsbG8=\n", ALL, Affixes.NONE);
        assertEquals("tag:yaml.org,2002:binary aGVsbG8=", at(doc, "$.b").value());
    }

    @Test
    void prefixNeedingQuotesGetsNonSpecificTagAndDecryptsBack() {
        Affixes braces = new Affixes("{ENC:", "}");
        String encrypted = VaultDocument.parse("url: postgres://x\n", "p.yml").encrypt(CRYPTOR, ALL, braces).toYaml();
        assertTrue(encrypted.startsWith("url: ! '{ENC:"), encrypted);
        VaultDocument doc = VaultDocument.parse(encrypted, "p.yml").decrypt(CRYPTOR, ALL, braces);
        assertEquals("postgres://x", at(doc, "$.url").value());
    }

    @Test
    void stylesArePreserved() {
        VaultDocument doc = roundTrip("q: \"quoted\"\ns: 'single'\nl: |\n  line1\n  line2\n", ALL, Affixes.NONE);
        assertEquals(ScalarStyle.DOUBLE_QUOTED, at(doc, "$.q").style());
        assertEquals(ScalarStyle.SINGLE_QUOTED, at(doc, "$.s").style());
        assertEquals(ScalarStyle.LITERAL, at(doc, "$.l").style());
        assertEquals("line1\nline2\n", at(doc, "$.l").value());
    }

    @Test
    void aliasesStayAliasesAndMergedValuesAreOnlyEncryptedThroughTheirAnchor() {
        String yaml = "default: &d {password: x}\nproduction:\n  <<: *d\n  token: t\n";
        VaultDocument encrypted = VaultDocument.parse(yaml, "a.yml")
                .encrypt(CRYPTOR, List.of(KeyPath.parse("$.production")), Affixes.NONE);
        assertEquals("x", at(encrypted, "$.default.password").value());
        assertInstanceOf(YamlNode.Alias.class, NodeIndex.of(encrypted).get("$.production.<<"));
        assertFalse(at(encrypted, "$.production.token").value().equals("t"));
        String text = encrypted.toYaml();
        assertTrue(text.contains("<<: *d"), text);
    }

    @Test
    void everyDocumentOfAStreamIsProcessed() {
        VaultDocument doc = roundTrip("--- a\n--- b\n", ALL, Affixes.NONE);
        assertEquals(2, doc.documents().size());
        assertEquals("b", ((YamlNode.Scalar) doc.documents().get(1).root()).value());
    }

    @Test
    void failingValueNamesFileAndDisplayPathButNoSecret() {
        String tampered = "\"api.v1\":\n  list: [" + CRYPTOR.encrypt("ok") + ", not-encrypted-secret]\n";
        VaultException e = assertThrows(VaultException.class,
                () -> VaultDocument.parse(tampered, "s.yml").decrypt(CRYPTOR, ALL, Affixes.NONE));
        assertEquals("$[\"api.v1\"].list[1]", e.keyPath());
        assertEquals("s.yml", e.file());
        assertFalse(e.getMessage().contains("not-encrypted-secret"));
        assertFalse(e.getMessage().contains("doc-test-passphrase"));
    }

    @Test
    void regexMeetingSequenceIndexFailsWithPath() {
        VaultException e = assertThrows(VaultException.class, () -> VaultDocument.parse("l: [a]\n", "r.yml")
                .decrypt(CRYPTOR, List.of(KeyPath.parse("$.l./a/")), Affixes.NONE));
        assertEquals("$.l[0]", e.keyPath());
    }

    @Test
    void utf8BomIsIgnored() {
        VaultDocument doc = VaultDocument.parse("\uFEFFa: b\n".getBytes(StandardCharsets.UTF_8), "bom.yml");
        assertEquals(Map.of("a", "b"), doc.values());
    }
}
