package dev.supervisor.process;

import com.sun.jna.LastErrorException;

/**
 * The one owner of waitpid in the process. Reaps every child that has exited — the main child, and
 * every orphan the kernel reparented to us as PID 1 or as a child subreaper.
 */
final class Reaper {
    private final int mainPid;
    private final Log log;
    private ExitStatus mainStatus;

    Reaper(int mainPid, Log log) {
        this.mainPid = mainPid;
        this.log = log;
    }

    /** As PID 1 orphans come to us anyway; elsewhere ask the kernel to send them to us rather than to init. */
    static void becomeSubreaperUnlessInit(Log log) {
        LibC libc = LibC.INSTANCE;
        if (libc.getpid() == 1) return;
        try {
            libc.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        } catch (LastErrorException e) {
            log.warn("cannot become a child subreaper (prctl: " + LibC.describe(e.getErrorCode())
                    + "); orphans of the app will be reaped by the host's init instead");
        }
    }

    /** Reaps every child that has already exited, without blocking; returns how many. */
    int reapExited() {
        LibC libc = LibC.INSTANCE;
        int[] status = new int[1];
        int count = 0;
        while (true) {
            int pid;
            try {
                pid = libc.waitpid(-1, status, LibC.WNOHANG);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.EINTR) continue;
                return count; // ECHILD: no children left
            }
            if (pid <= 0) return count;
            count++;
            ExitStatus exit = ExitStatus.fromWaitStatus(status[0]);
            if (pid == mainPid) {
                mainStatus = exit;
                log.verbose("child pid " + pid + " " + exit.describe());
            } else {
                log.verbose("reaped pid " + pid + " (" + exit.describe() + ")");
            }
        }
    }

    boolean mainExited() {
        return mainStatus != null;
    }

    ExitStatus mainStatus() {
        return mainStatus;
    }
}
