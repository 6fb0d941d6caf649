package dev.supervisor.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What /proc says about another process: its group, terminal, state and signal masks. */
record ProcStatus(int pid, char state, int ppid, int pgid, int session, int tpgid) {

    static ProcStatus of(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            // pid (comm) state ppid pgrp session tty_nr tpgid ...; comm may hold spaces, so cut at the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new ProcStatus(pid, f[0].charAt(0), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[5]));
        } catch (IOException e) {
            throw new AssertionError("no process " + pid, e);
        }
    }

    /** Alive and not a zombie. */
    static boolean alive(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    static long mask(int pid, String field) {
        return HandledSignals.procStatusMask(Path.of("/proc", Integer.toString(pid), "status"), field + ":");
    }
}
