package dev.supervisor.process;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the process layer needs to start and supervise one child. Built by the CLI from flags,
 * the config file and the decrypted secrets; immutable from here on.
 *
 * @param argv        the command, byte-exact (argv[0] is looked up in the child's PATH)
 * @param environment the child's whole environment, {@code NAME=value} byte strings
 * @param workdir     directory the child starts in, or null for the supervisor's
 * @param quietSignal sent first when a stop begins (sidekiq's TSTP "quiet"), or 0 for none
 * @param stopDelay   how long a stop waits before the stop signal is forwarded (load balancer drain)
 * @param stopTimeout how long the child may take to stop before its process group is killed
 */
public record LaunchSpec(
        List<byte[]> argv,
        List<byte[]> environment,
        Path workdir,
        SignalMap signalMap,
        boolean processGroup,
        int quietSignal,
        Duration stopDelay,
        Duration stopTimeout,
        Map<Integer, Integer> exitCodeMap,
        long inheritedIgnored,
        boolean verbose,
        PrintStream log) {

    public String commandName() {
        return argv.isEmpty() ? "" : new String(argv.get(0), java.nio.charset.StandardCharsets.UTF_8);
    }
}
