package dev.supervisor.robustness;

import dev.supervisor.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.supervisor.robustness.Hostile.assertRejected;
import static dev.supervisor.robustness.Hostile.supervisor;

/**
 * Malformed and hostile YAML in the secrets file: each is refused before anything starts, with one
 * error line naming the file, exit 78, no stack trace, and in bounded time and memory.
 */
class HostileSecretsFileTest {
    @TempDir
    Path dir;

    private String rejected(String expected, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("secrets.yml"), content);
        return assertRejected(supervisor(dir), dir, ExitCode.CONFIG, expected, "run", "--secrets", file.toString());
    }

    private String rejected(String expected, String content) throws Exception {
        return rejected(expected, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tenThousandNestedSequencesAreRefusedAtTheNestingCap() throws Exception {
        rejected("nesting deeper than", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    }

    @Test
    void billionLaughsAliasesAreRefusedAtTheExpansionCap() throws Exception {
        rejected("alias", BillionLaughs.yaml().replace("lol", Hostile.encrypt("lol").trim()));
    }

    @Test
    void aTwentyMegabyteScalarIsRefusedBySize() throws Exception {
        rejected("larger than", "a: " + "x".repeat(20 * 1024 * 1024) + "\n");
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKeyPath() throws Exception {
        String value = Hostile.encrypt(Hostile.SECRET).trim();
        rejected("$.production.a: duplicate key", "production:\n  a: " + value + "\n  a: " + value + "\n");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        rejected("not UTF-8", new byte[]{'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    }

    @Test
    void tabsAsIndentationAreRefusedWithLineAndColumn() throws Exception {
        rejected("line 2, column 1", "production:\n\tdb: x\n");
    }

    @Test
    void anAliasToItsOwnAncestorIsRefused() throws Exception {
        rejected("own ancestor", "a: &x\n  b: *x\n");
    }

    /** Current behaviour: an empty file has no document; refused rather than starting the app without secrets. */
    @Test
    void anEmptySecretsFileIsRefused() throws Exception {
        rejected("found 0", "");
    }

    @Test
    void aFileOfSeveralDocumentsIsRefusedForTheEnvironment() throws Exception {
        rejected("found 2", "---\n" + Hostile.encrypt("a: x\n") + "---\n" + Hostile.encrypt("b: y\n"));
    }
}
