package dev.supervisor.cli;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import dev.supervisor.process.SignalReceiver;
import dev.supervisor.process.Signals;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs one step of the preparation (reading the config, decrypting, downloading) on a worker thread while
 * this thread watches for stop signals, so a TERM during a slow KMS or S3 call ends the start at once
 * instead of after the call's timeout. A step that must not be cut in half (writing secret files) is run
 * to its end first; either way the app is never started after a stop signal.
 */
final class Interruptible {
    private static final Duration POLL = Duration.ofMillis(5);

    private final SignalReceiver signals;

    /** @param signals null under {@code --exec}, where the default signal dispositions apply */
    Interruptible(SignalReceiver signals) {
        this.signals = signals;
    }

    /** Runs {@code step}; a stop signal meanwhile abandons it (the worker is a daemon) and throws. */
    <T> T run(String name, Callable<T> step) throws InterruptedException {
        return await(name, step, true);
    }

    /** Runs {@code step} to its end even when a stop signal comes, then throws for that signal. */
    void runToEnd(String name, Runnable step) throws InterruptedException {
        await(name, () -> {
            step.run();
            return null;
        }, false);
    }

    /** Throws when a stop signal has arrived since the last look. */
    void checkStop() {
        if (signals == null) return;
        for (SignalReceiver.Received r; (r = signals.poll()) != null; ) {
            if (isStop(r.signal())) throw new StoppedBeforeStart(r.signal());
        }
    }

    private <T> T await(String name, Callable<T> step, boolean abandonOnStop) throws InterruptedException {
        if (signals == null) return call(step);
        FutureTask<T> task = new FutureTask<>(step);
        Thread worker = new Thread(task, "prepare-" + name);
        worker.setDaemon(true);
        worker.start();
        int stopSignal = 0;
        while (!task.isDone()) {
            SignalReceiver.Received r = signals.next(POLL);
            if (r != null && isStop(r.signal()) && stopSignal == 0) {
                stopSignal = r.signal();
                if (abandonOnStop) {
                    worker.interrupt();
                    throw new StoppedBeforeStart(stopSignal);
                }
            }
        }
        if (stopSignal != 0) throw new StoppedBeforeStart(stopSignal);
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new SupervisorException(ExitCode.INTERNAL, name + " failed: " + e.getCause());
        }
    }

    private static <T> T call(Callable<T> step) {
        try {
            return step.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SupervisorException(ExitCode.INTERNAL, "unexpected: " + e);
        }
    }

    /** HUP too: before the app runs there is nothing to reload, and a hung-up terminal means "give up". */
    private static boolean isStop(int signal) {
        return signal == Signals.SIGTERM || signal == Signals.SIGINT || signal == Signals.SIGQUIT
                || signal == Signals.SIGHUP;
    }

    /** Ends a start that a stop signal interrupted: exit 128+N, nothing started. */
    static final class StoppedBeforeStart extends SupervisorException {
        StoppedBeforeStart(int signal) {
            super(128 + signal, "received " + Signals.name(signal) + " before the app started; not starting it");
        }
    }
}
