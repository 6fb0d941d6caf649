package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the child gets at spawn: its own group, a clean signal state, the supervisor's stdio and nothing else. */
class SpawnedChildTest {
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Runs a child script that records facts about itself into files in {@link #dir}; returns the supervisor's exit code. */
    private SupervisorProcess runChild(String body, SupervisorProcess.Builder builder) throws Exception {
        Path child = ChildScripts.write(dir, "child.sh", "cd " + dir + "\n" + body);
        SupervisorProcess supervisor = builder.run("run", "--", child.toString());
        assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        return supervisor;
    }

    private String runAndRead(String body, String file) throws Exception {
        try (SupervisorProcess ignored = runChild(body, SupervisorProcess.in(dir))) {
            return Files.readString(dir.resolve(file)).trim();
        }
    }

    @Test
    void childLeadsItsOwnProcessGroup() throws Exception {
        runAndRead("cat /proc/$$/stat > child.stat; cat /proc/$PPID/stat > supervisor.stat; echo $$ > child.pid", "child.pid");
        int childPid = Integer.parseInt(Files.readString(dir.resolve("child.pid")).trim());
        int childGroup = pgidIn(Files.readString(dir.resolve("child.stat")));
        int supervisorGroup = pgidIn(Files.readString(dir.resolve("supervisor.stat")));
        assertEquals(childPid, childGroup);
        assertNotEquals(supervisorGroup, childGroup);
    }

    private static int pgidIn(String stat) {
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
    }

    @Test
    void childStartsWithAnEmptySignalMask() throws Exception {
        assertEquals("SigBlk:\t0000000000000000", runAndRead("exec grep SigBlk /proc/self/status > mask", "mask"));
    }

    /** glibc's posix_spawn would leave its internal signals 32 and 33 ignored; the child must see none. */
    @Test
    void childStartsWithDefaultDispositions() throws Exception {
        assertEquals("SigIgn:\t0000000000000000", runAndRead("tr '\\0' '\\n' < /proc/$PPID/environ | grep SIGIGN > inherited; exec grep SigIgn /proc/self/status > ignored", "ignored"));
    }

    @Test
    void signalIgnoredByTheCallerStaysIgnoredInTheChild() throws Exception {
        try (SupervisorProcess ignored = runChild("exec grep SigIgn /proc/self/status > ignored",
                SupervisorProcess.in(dir).wrappedIn("bash", "-c", "trap '' HUP; exec \"$@\"", "nohup-like"))) {
            assertEquals("SigIgn:\t0000000000000001", Files.readString(dir.resolve("ignored")).trim());
        }
    }

    @Test
    void childWritesStraightIntoTheSupervisorsStdoutAndStderr() throws Exception {
        try (SupervisorProcess supervisor = runChild(
                "readlink /proc/$$/fd/1 > fd1; readlink /proc/$PPID/fd/1 > supervisor-fd1; "
                        + "readlink /proc/$$/fd/2 > fd2; echo to-stdout; echo to-stderr >&2",
                SupervisorProcess.in(dir))) {
            assertEquals(supervisor.stdoutFile().toRealPath().toString(), Files.readString(dir.resolve("fd1")).trim());
            assertEquals(Files.readString(dir.resolve("supervisor-fd1")), Files.readString(dir.resolve("fd1")));
            assertNotEquals(Files.readString(dir.resolve("fd1")), Files.readString(dir.resolve("fd2")));
            assertEquals("to-stdout", supervisor.stdout().trim());
            assertEquals("to-stderr", supervisor.stderr().trim());
        }
    }

    /** Only 0, 1, 2, and the descriptor ls opens to read the directory itself. */
    @Test
    void childInheritsNoDescriptorBeyondStdio() throws Exception {
        assertEquals(List.of("0", "1", "2", "3"),
                List.of(runAndRead("ls /proc/self/fd > fds", "fds").split("\n")));
    }

    /** The supervisor runs without LANG (the JVM's charset is ASCII); argv must still arrive as the same bytes. */
    @Test
    void argumentsArriveByteExactWithoutAUtf8Locale() throws Exception {
        List<String> args = List.of("two words", "it's \"quoted\"", "", "héllo wörld 🔑", "$HOME", "*", " ");
        Path child = ChildScripts.write(dir, "child.sh", "printf '%s\\0' \"$@\" > " + dir.resolve("args"));
        // The literal arguments come from a UTF-8 script, so no JVM charset touches them on the way in.
        StringBuilder literal = new StringBuilder();
        for (String a : args) literal.append(" '").append(a.replace("'", "'\\''")).append('\'');
        Path launcher = ChildScripts.write(dir, "launcher.sh", "exec \"$@\"" + literal);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).cleanEnvironment()
                .wrappedIn(launcher.toString()).run("run", "--", child.toString())) {
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        }
        assertEquals(hex(nulTerminated(args)), hex(Files.readAllBytes(dir.resolve("args"))));
    }

    @Test
    void environmentArrivesAsGivenWithoutTheRelaunchsOwnVariables() throws Exception {
        Path child = ChildScripts.write(dir, "child.sh", "cat /proc/$$/environ > " + dir.resolve("environ"));
        Path launcher = ChildScripts.write(dir, "launcher.sh",
                "export GREETING='grüße 🔑'\nexport EMPTY=\nexec \"$@\" " + child);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).cleanEnvironment()
                .wrappedIn(launcher.toString()).run("run", "--")) {
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        }
        List<String> environ = splitNul(Files.readAllBytes(dir.resolve("environ")));
        assertTrue(environ.contains("GREETING=grüße 🔑"), environ.toString());
        assertTrue(environ.contains("EMPTY="), environ.toString());
        assertTrue(environ.stream().anyMatch(e -> e.startsWith("PATH=")), environ.toString());
        assertFalse(environ.stream().anyMatch(e -> e.startsWith(SignalBlocking.INHERITED_IGNORED_VAR + "=")), environ.toString());
        assertFalse(environ.stream().anyMatch(e -> e.startsWith(SignalBlocking.JVM_SR_SIGNUM_VAR + "=")), environ.toString());
    }

    private static byte[] nulTerminated(List<String> args) {
        StringBuilder s = new StringBuilder();
        for (String a : args) s.append(a).append('\0');
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> splitNul(byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) s.append(String.format("%02x", b));
        return s.toString();
    }
}
