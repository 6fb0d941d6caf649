package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPathTest {

    @Test
    void parsesEveryTokenKind() {
        KeyPath path = KeyPath.parse("$.'a.b'.\"c d\"./\\Adb_/.[3].:sym.*.plain");
        List<KeyPath.Segment> s = path.segments();
        assertEquals(new KeyPath.Key("$"), s.get(0));
        assertEquals(new KeyPath.Key("a.b"), s.get(1));
        assertEquals(new KeyPath.Key("c d"), s.get(2));
        assertEquals("\\Adb_", ((KeyPath.Regex) s.get(3)).source());
        assertEquals(new KeyPath.Index(3), s.get(4));
        assertEquals(new KeyPath.Symbol("sym"), s.get(5));
        assertEquals(new KeyPath.Wildcard(), s.get(6));
        assertEquals(new KeyPath.Key("plain"), s.get(7));
    }

    @Test
    void indexGluedToAKeyIsPartOfTheKey() {
        assertEquals(List.of(new KeyPath.Key("$"), new KeyPath.Key("servers[0]")), KeyPath.parse("$.servers[0]").segments());
    }

    @Test
    void pathNotStartingWithDollarIsInvalidPathFormat() {
        VaultException e = assertThrows(VaultException.class, () -> KeyPath.parse("production.aws"));
        assertEquals("InvalidPathFormat", e.reason());
        assertEquals("InvalidPathFormat", assertThrows(VaultException.class, () -> KeyPath.parse("")).reason());
    }

    @Test
    void invalidRegexIsInvalidPathFormat() {
        assertEquals("InvalidPathFormat", assertThrows(VaultException.class, () -> KeyPath.parse("$./(/")).reason());
    }

    @Test
    void cliListSplitsOnCommaWithOneOptionalSpace() {
        List<KeyPath> keys = KeyPath.parseList("$.production.DATABASE_URL, $.staging.SECRET_KEY_BASE,$.development.aws");
        assertEquals(List.of("$.production.DATABASE_URL", "$.staging.SECRET_KEY_BASE", "$.development.aws"),
                keys.stream().map(KeyPath::source).toList());
    }

    @Test
    void targetMatchesEverythingBelowIt() {
        KeyPath vault = KeyPath.parse("$.vault");
        assertTrue(vault.matches(List.of("$", "vault", "secrets", 3, "four")));
        assertFalse(vault.matches(List.of("$", "other")));
        assertFalse(vault.matches(List.of("$")));
    }

    @Test
    void trailingWildcardAlsoMatchesTheParentScalar() {
        assertTrue(KeyPath.parse("$.production.*").matches(List.of("$", "production")));
        assertFalse(KeyPath.parse("$.production.x").matches(List.of("$", "production")));
    }

    @Test
    void wildcardMatchesSequenceIndexes() {
        assertTrue(KeyPath.parse("$.servers.*.password").matches(List.of("$", "servers", 1, "password")));
    }

    @Test
    void indexDoesNotMatchStringKeyZero() {
        assertFalse(KeyPath.parse("$.[0]").matches(List.of("$", "0")));
        assertTrue(KeyPath.parse("$.[0]").matches(List.of("$", 0)));
    }

    @Test
    void regexSearchesUnanchoredWithRubySemantics() {
        assertTrue(KeyPath.parse("$./db_/").matches(List.of("$", "admin_db_password")));
        assertFalse(KeyPath.parse("$./\\Adb_/").matches(List.of("$", "admin_db_password")));
        assertTrue(KeyPath.parse("$./\\A\\h+\\z/").matches(List.of("$", "c0ffee")));
        assertFalse(KeyPath.parse("$./\\A\\h+\\z/").matches(List.of("$", "coffee ")));
        assertTrue(KeyPath.parse("$./^b/").matches(List.of("$", "a\nb")), "^ is a line anchor in Ruby");
        assertTrue(KeyPath.parse("$./\\A[[:upper:]]+\\z/").matches(List.of("$", "ABC")));
    }

    @Test
    void regexOnSequenceIndexIsAClearError() {
        VaultException e = assertThrows(VaultException.class,
                () -> KeyPath.parse("$.list./x/").matches(List.of("$", "list", 0)));
        assertTrue(e.getMessage().contains("[0]"), e.getMessage());
    }

    @Test
    void symbolMatchesItsInspectForm() {
        assertTrue(KeyPath.parse("$.:database.:password").matches(List.of("$", ":database", ":password")));
        assertFalse(KeyPath.parse("$.:database").matches(List.of("$", "database")));
        assertEquals(":\"a-b\"", new KeyPath.Symbol("a-b").inspect());
        assertEquals(":ok?", new KeyPath.Symbol("ok?").inspect());
    }
}
