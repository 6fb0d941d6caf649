package dev.supervisor.process;

import com.sun.jna.LastErrorException;

/**
 * The controlling terminal under {@code docker run -it}. The child's process group becomes the
 * terminal's foreground group, so Ctrl-C goes to the app once, straight from the kernel, and never to
 * the supervisor (which then forwards nothing twice). TTIN/TTOU are blocked in the supervisor, so
 * touching the terminal from the background never stops it.
 */
public final class Terminal {
    private final int fd;

    private Terminal(int fd) {
        this.fd = fd;
    }

    /** The terminal on stdin/stdout/stderr when this process's group is its foreground group, else null. */
    public static Terminal foregroundOrNull() {
        LibC libc = LibC.INSTANCE;
        for (int fd = 0; fd <= 2; fd++) {
            if (libc.isatty(fd) == 1 && libc.tcgetpgrp(fd) == libc.getpgrp()) return new Terminal(fd);
        }
        return null;
    }

    public int fd() {
        return fd;
    }

    /** Gives the terminal back to the supervisor's group after the child is gone. */
    public void reclaim() {
        try {
            LibC.INSTANCE.tcsetpgrp(fd, LibC.INSTANCE.getpgrp());
        } catch (LastErrorException ignored) {
            // the terminal may be gone (hang-up); nothing to give back
        }
    }
}
