package dev.supervisor.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Small bash programs the supervisor runs as its child, written into a test's temporary directory. */
final class ChildScripts {
    private ChildScripts() {}

    /** An executable bash script with {@code body}. */
    static Path write(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/bash\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /**
     * A program (run as {@code recorder LOG}) that appends the name of every signal in {@code recorded}
     * to LOG as it receives it, writes its pid to LOG.pid once its traps are set, and exits with
     * {@code exitCode} after recording {@code exitOn}. Waiting in {@code wait} lets bash run a trap as
     * soon as a signal arrives.
     */
    static Path signalRecorder(Path dir, List<String> recorded, String exitOn, int exitCode) throws IOException {
        StringBuilder body = new StringBuilder("log=$1\n");
        for (String signal : recorded) {
            body.append("trap 'echo ").append(signal).append(" >> \"$log\"")
                    .append(signal.equals(exitOn) ? "; kill $sleeper 2>/dev/null; exit " + exitCode : "")
                    .append("' ").append(signal).append('\n');
        }
        body.append("echo $$ > \"$log.pid\"\n");
        body.append("while :; do sleep 30 & sleeper=$!; wait $sleeper; kill $sleeper 2>/dev/null; done\n");
        return write(dir, "recorder.sh", body.toString());
    }

    static Path pidFile(Path log) {
        return log.resolveSibling(log.getFileName() + ".pid");
    }

    /** The child's pid, once it has written it (its traps are set by then). */
    static int awaitPid(Path log) {
        return Integer.parseInt(Eventually.lines(pidFile(log), 1).get(0).trim());
    }
}
