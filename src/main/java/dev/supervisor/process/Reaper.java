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
    private boolean noChildrenLeft;

    Reaper(int mainPid, Log log) {
        this.mainPid = mainPid;
        this.log = log;
    }

    /**
     * As PID 1 orphans come to us anyway; elsewhere ask the kernel to send them to us rather than to init.
     * Returns whether every descendant of ours is now sure to end up as our child.
     */
    static boolean becomeSubreaperUnlessInit(Log log) {
        LibC libc = LibC.INSTANCE;
        if (libc.getpid() == 1) return true;
        try {
            libc.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
            return true;
        } catch (LastErrorException e) {
            log.warn("cannot become a child subreaper (prctl: " + LibC.describe(e.getErrorCode())
                    + "); orphans of the app will be reaped by the host's init instead");
            return false;
        }
    }

    /**
     * True when the last {@link #reapExited} found no child at all (ECHILD). For PID 1 or a subreaper that
     * means no descendant is left anywhere: each would have an ancestor chain ending in a child of ours.
     */
    boolean noChildrenLeft() {
        return noChildrenLeft;
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
                noChildrenLeft = e.getErrorCode() == LibC.ECHILD;
                return count;
            }
            if (pid <= 0) {
                noChildrenLeft = false; // children exist, none has exited yet
                return count;
            }
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
