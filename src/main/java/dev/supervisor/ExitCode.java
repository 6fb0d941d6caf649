package dev.supervisor;

/**
 * Exit codes the supervisor returns for its own failures. They sit outside the range a child's status
 * usually takes, follow sysexits(3) where one fits, and match shells for "not found"/"not executable".
 * README.md has the table; tests pin each one.
 */
public final class ExitCode {
    /** Bad command line: unknown option, bad signal name, bad duration. sysexits EX_USAGE. */
    public static final int USAGE = 64;
    /** A bug in the supervisor itself (an exception nobody expected). sysexits EX_SOFTWARE. */
    public static final int INTERNAL = 70;
    /** An operating-system call failed (spawn, signals, file writes). sysexits EX_OSERR. */
    public static final int OS_ERROR = 71;
    /** AWS could not be reached in time, or answered with a server error. sysexits EX_UNAVAILABLE. */
    public static final int UNAVAILABLE = 69;
    /** AWS refused access (AccessDenied, missing credentials). sysexits EX_NOPERM. */
    public static final int NO_PERMISSION = 77;
    /** Configuration or secrets are wrong: bad YAML, wrong passphrase, tampered value, missing file. EX_CONFIG. */
    public static final int CONFIG = 78;
    /** The command exists but cannot be executed (as in sh). */
    public static final int NOT_EXECUTABLE = 126;
    /** The command was not found (as in sh). */
    public static final int NOT_FOUND = 127;

    private ExitCode() {}
}
