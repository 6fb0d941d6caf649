package dev.supervisor.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of /proc: which processes descend from the supervisor. Used to clean up what the main
 * child leaves behind (daemonized helpers, workers in other groups) before the container exits.
 */
public final class ProcessTable {
    private ProcessTable() {}

    /** Live (non-zombie) processes whose parent chain leads to {@code ancestor}. */
    public static List<Integer> descendantsOf(int ancestor) {
        Map<Integer, Integer> parentOf = new HashMap<>();
        List<Integer> zombies = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"));
                } catch (IOException gone) {
                    continue; // exited while we looked
                }
                // pid (comm) state ppid ...: comm may contain spaces and parentheses, so cut at the last ')'
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                int pid = Integer.parseInt(dir.getFileName().toString());
                parentOf.put(pid, Integer.parseInt(fields[1]));
                if (fields[0].equals("Z")) zombies.add(pid);
            }
        } catch (IOException e) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int pid : parentOf.keySet()) {
            if (pid == ancestor || zombies.contains(pid)) continue;
            int p = parentOf.getOrDefault(pid, 0);
            for (int hops = 0; p > 0 && hops < 4096; hops++) {
                if (p == ancestor) {
                    out.add(pid);
                    break;
                }
                p = parentOf.getOrDefault(p, 0);
            }
        }
        return out;
    }
}
