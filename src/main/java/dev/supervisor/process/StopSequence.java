package dev.supervisor.process;

import java.time.Duration;

/**
 * The child's way from "running" to "gone": an optional quiet signal (sidekiq's TSTP), an optional
 * delay so the load balancer can drain the task, the stop signal itself, and a deadline after which
 * the child's group is killed. Pure state and time arithmetic; {@link Supervisor} does the sending.
 */
final class StopSequence {
    enum Phase { RUNNING, DELAYING, STOPPING, KILLED }

    private final Duration stopDelay;
    private final Duration stopTimeout;
    private Phase phase = Phase.RUNNING;
    private int pendingSignal;
    private long deadlineNanos;

    StopSequence(Duration stopDelay, Duration stopTimeout) {
        this.stopDelay = stopDelay;
        this.stopTimeout = stopTimeout;
    }

    static boolean isStopSignal(int signal) {
        return signal == Signals.SIGTERM || signal == Signals.SIGINT || signal == Signals.SIGQUIT;
    }

    Phase phase() {
        return phase;
    }

    /** True when a received TERM should wait out the stop delay instead of being forwarded now. */
    boolean shouldDelay(int received) {
        return phase == Phase.RUNNING && received == Signals.SIGTERM && !stopDelay.isZero();
    }

    void startDelay(int signalToSend, long nowNanos) {
        phase = Phase.DELAYING;
        pendingSignal = signalToSend;
        deadlineNanos = nowNanos + stopDelay.toNanos();
    }

    /** The signal held back by the delay, to send now (the delay ran out, or a second TERM came). */
    int endDelay() {
        int signal = pendingSignal;
        pendingSignal = 0;
        phase = Phase.RUNNING;
        return signal;
    }

    /** Records that {@code sent} went to the child; the first stop signal starts the kill deadline. */
    void sent(int sent, long nowNanos) {
        if (phase == Phase.RUNNING && isStopSignal(sent)) {
            phase = Phase.STOPPING;
            deadlineNanos = nowNanos + stopTimeout.toNanos();
        }
    }

    void killed() {
        phase = Phase.KILLED;
    }

    boolean deadlinePassed(long nowNanos) {
        return (phase == Phase.DELAYING || phase == Phase.STOPPING) && nowNanos - deadlineNanos >= 0;
    }

    /** How long the supervision loop may wait for the next signal; null when nothing is due. */
    Duration untilDeadline(long nowNanos) {
        if (phase != Phase.DELAYING && phase != Phase.STOPPING) return null;
        return Duration.ofNanos(Math.max(0, deadlineNanos - nowNanos));
    }
}
