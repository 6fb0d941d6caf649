package dev.supervisor.process;

import com.sun.jna.LastErrorException;

import java.time.Duration;
import java.util.List;

/**
 * The life of one child, told the way tini tells it: spawn, then loop "wait for a signal, forward it,
 * reap", then clean up what the child left behind and return its exit code.
 */
public final class Supervisor {
    /** Upper bound on one wait, so a lost SIGCHLD could never stall the loop. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final LaunchSpec spec;
    private final SignalReceiver signals;
    private final Log log;
    private final StopSequence stop;
    private int childPid;
    private Reaper reaper;
    private int firstStopSignal;
    private boolean descendantsComeToUs;

    public Supervisor(LaunchSpec spec, SignalReceiver signals) {
        this.spec = spec;
        this.signals = signals;
        this.log = new Log(spec.log(), spec.verbose());
        this.stop = new StopSequence(spec.stopDelay(), spec.stopTimeout());
    }

    /** Runs the child to its end and returns the supervisor's exit code (the child's, remapped). */
    public int run() throws InterruptedException {
        descendantsComeToUs = Reaper.becomeSubreaperUnlessInit(log);
        signals.takeOver();
        Terminal terminal = Terminal.foregroundOrNull();
        childPid = Spawner.spawn(spec, terminal);
        reaper = new Reaper(childPid, log);
        log.verbose("started pid " + childPid + ": " + spec.commandName());
        StartupMemory.release();
        try {
            superviseUntilChildExits();
            cleanUpLeftovers();
        } finally {
            if (terminal != null) terminal.reclaim();
        }
        ExitStatus status = reaper.mainStatus();
        int code = spec.exitCodeMap().getOrDefault(status.code(), status.code());
        if (code != status.code()) log.verbose("exit code " + status.code() + " mapped to " + code);
        return code;
    }

    /** The first stop signal (TERM, INT, QUIT) received while this child ran, or 0: a prehook that was
     * stopped must not be followed by the app, whatever its exit code. */
    public int stopSignal() {
        return firstStopSignal;
    }

    public boolean stopRequested() {
        return firstStopSignal != 0;
    }

    private void superviseUntilChildExits() throws InterruptedException {
        while (!reaper.mainExited()) {
            SignalReceiver.Received received = signals.next(nextWait());
            if (received != null) handle(received);
            reaper.reapExited();
            enforceDeadlines();
        }
    }

    private Duration nextWait() {
        Duration due = stop.untilDeadline(System.nanoTime());
        return due == null || due.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : due;
    }

    private void handle(SignalReceiver.Received received) {
        int signal = received.signal();
        if (signal == Signals.SIGCHLD) return; // the loop reaps after every wake-up
        if (StopSequence.isStopSignal(signal) && firstStopSignal == 0) firstStopSignal = signal;
        int destination = spec.signalMap().destination(signal);
        String from = received.senderPid() > 0 ? " from pid " + received.senderPid() : "";
        if (destination == SignalMap.DROP) {
            log.verbose("received " + Signals.name(signal) + from + ", dropped by the signal map");
            return;
        }
        if (stop.phase() == StopSequence.Phase.DELAYING && signal == Signals.SIGTERM) {
            log.verbose("second TERM" + from + " during the stop delay: stopping now");
            send(stop.endDelay(), "delayed TERM");
            return;
        }
        if (stop.shouldDelay(signal)) {
            sendQuietSignal();
            log.verbose("received TERM" + from + ", forwarding " + Signals.name(destination) + " after the "
                    + spec.stopDelay().toMillis() + " ms stop delay");
            stop.startDelay(destination, System.nanoTime());
            return;
        }
        if (signal == Signals.SIGTERM && stop.phase() == StopSequence.Phase.RUNNING) sendQuietSignal();
        send(destination, Signals.name(signal) + from);
    }

    private void sendQuietSignal() {
        if (spec.quietSignal() != 0) send(spec.quietSignal(), "quiet step of the stop");
    }

    private void send(int signal, String cause) {
        boolean group = spec.processGroup();
        try {
            LibC.INSTANCE.kill(group ? -childPid : childPid, signal);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.ESRCH) log.warn("kill " + Signals.name(signal) + ": " + LibC.describe(e.getErrorCode()));
            return;
        }
        log.verbose("sent " + Signals.name(signal) + " to " + (group ? "process group " : "pid ") + childPid
                + " (" + cause + ")");
        stop.sent(signal, System.nanoTime());
    }

    private void enforceDeadlines() {
        long now = System.nanoTime();
        if (reaper.mainExited() || !stop.deadlinePassed(now)) return;
        if (stop.phase() == StopSequence.Phase.DELAYING) {
            send(stop.endDelay(), "stop delay over");
            return;
        }
        log.info("child pid " + childPid + " did not stop within " + spec.stopTimeout().toMillis()
                + " ms; sending KILL to its process group");
        killQuietly(-childPid);
        killQuietly(childPid); // in case it moved to another process group, where the group kill missed it
        stop.killed();
    }

    /**
     * Whatever the main child left running (its group, and descendants that moved elsewhere) gets TERM,
     * then KILL once the stop timeout has passed. A stop signal meanwhile cuts the wait short.
     */
    private void cleanUpLeftovers() throws InterruptedException {
        List<Integer> left = leftovers();
        if (left.isEmpty()) return;
        log.verbose(left.size() + " process(es) left behind by the child; sending TERM");
        signalLeftovers(Signals.SIGTERM, left);
        long deadline = System.nanoTime() + spec.stopTimeout().toNanos();
        while (!(left = leftovers()).isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) break;
            SignalReceiver.Received received = signals.next(Duration.ofNanos(Math.min(remaining, 50_000_000L)));
            reaper.reapExited();
            if (received != null && StopSequence.isStopSignal(received.signal())) {
                log.verbose("received " + Signals.name(received.signal()) + " while cleaning up; killing leftovers now");
                break;
            }
        }
        if (!left.isEmpty()) {
            log.info(left.size() + " leftover process(es) still running; sending KILL");
            signalLeftovers(Signals.SIGKILL, left);
            awaitReaped();
        }
    }

    /** Live descendants; the /proc scan is skipped when waitpid already proved there are none. */
    private List<Integer> leftovers() {
        reaper.reapExited();
        if (descendantsComeToUs && reaper.noChildrenLeft()) return List.of();
        return ProcessTable.descendantsOf(LibC.INSTANCE.getpid());
    }

    private void signalLeftovers(int signal, List<Integer> pids) {
        killQuietly(-childPid, signal);
        for (int pid : pids) killQuietly(pid, signal);
    }

    /** After KILL: reap until nothing is left (KILL cannot be refused, so this is short). */
    private void awaitReaped() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!leftovers().isEmpty() && System.nanoTime() < deadline) {
            signals.next(Duration.ofMillis(10));
        }
    }

    private static void killQuietly(int target) {
        killQuietly(target, Signals.SIGKILL);
    }

    private static void killQuietly(int target, int signal) {
        try {
            LibC.INSTANCE.kill(target, signal);
        } catch (LastErrorException ignored) {
            // ESRCH: already gone
        }
    }
}
