package dev.supervisor.robustness;

import dev.supervisor.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.supervisor.robustness.Hostile.assertRejected;
import static dev.supervisor.robustness.Hostile.supervisor;

/** The same attacks on supervisor.yml: one error line naming the file, exit 78, nothing started. */
class HostileConfigFileTest {
    @TempDir
    Path dir;

    private void rejected(String expected, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("supervisor.yml"), content);
        assertRejected(supervisor(dir), dir, ExitCode.CONFIG, expected, "run", "--config", file.toString());
    }

    private void rejected(String expected, String content) throws Exception {
        rejected(expected, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tenThousandNestedSequencesAreRefused() throws Exception {
        rejected("supervisor.yml", "modes: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    }

    @Test
    void billionLaughsAliasesAreRefused() throws Exception {
        rejected("supervisor.yml", BillionLaughs.yaml().replace("a: &a", "x-a: &a"));
    }

    @Test
    void aTwentyMegabyteScalarIsRefusedBySize() throws Exception {
        rejected("larger than", "default_mode: " + "x".repeat(20 * 1024 * 1024) + "\n");
    }

    @Test
    void duplicateKeysAreRefusedWithLineAndColumn() throws Exception {
        rejected("supervisor.yml:2:1: duplicate key 'verbose'", "verbose: true\nverbose: false\n");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        rejected("not UTF-8", new byte[]{'v', ':', ' ', (byte) 0xc3, (byte) 0x28, '\n'});
    }

    @Test
    void tabsAsIndentationAreRefused() throws Exception {
        rejected("supervisor.yml:2:1", "modes:\n\tweb: {command: x}\n");
    }

    @Test
    void anUnknownKeyIsRefusedWithASuggestion() throws Exception {
        rejected("unknown key 'stop_timout' in mode 'web' (did you mean 'stop_timeout'?)",
                "modes:\n  web:\n    command: [x]\n    stop_timout: 20s\n");
    }
}
