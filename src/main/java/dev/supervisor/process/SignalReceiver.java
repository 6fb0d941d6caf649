package dev.supervisor.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that takes every handled signal with sigtimedwait and queues it. All other threads keep
 * the set blocked ({@link SignalBlocking}), so no signal is ever delivered asynchronously: the queue is
 * the only way a signal enters the supervisor, from the first line of {@code run} to the exit.
 */
public final class SignalReceiver implements AutoCloseable {
    /** A signal as it arrived: number, and the sending pid when a process sent it with kill(2). */
    public record Received(int signal, int senderPid) {}

    /** How long {@link #poll} waits at most for the receiver thread to take signals already pending. */
    private static final Duration PENDING_HANDOFF = Duration.ofSeconds(2);

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private SignalReceiver() {
        thread = new Thread(this::receive, "signal-receiver");
        thread.setDaemon(true);
    }

    public static SignalReceiver start() {
        SignalReceiver receiver = new SignalReceiver();
        receiver.thread.start();
        return receiver;
    }

    private void receive() {
        LibC libc = LibC.INSTANCE;
        Memory set = LibC.sigset(HandledSignals.receivable());
        Memory info = new Memory(LibC.SIGINFO_BYTES);
        Memory timeout = new Memory(16); // struct timespec: the wait wakes up to notice close()
        timeout.setLong(0, 1);
        timeout.setLong(8, 0);
        while (running) {
            int signal;
            try {
                signal = libc.sigtimedwait(set, info, timeout);
            } catch (LastErrorException e) {
                continue; // EAGAIN: timed out; EINTR: interrupted by a signal outside the set
            }
            queue.add(new Received(signal, info.getInt(16)));
            queued.incrementAndGet();
        }
    }

    /** The next signal, waiting at most {@code timeout} (null: forever); null when none came. */
    public Received next(Duration timeout) throws InterruptedException {
        if (timeout == null) return queue.take();
        long nanos = Math.max(0, timeout.toNanos());
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A signal that already arrived, without waiting for new ones; null if none. "Arrived" includes
     * signals still pending in the kernel because the receiver thread has not called sigtimedwait yet
     * (a TERM sent while the JVM was starting, or carried pending across the relaunch): those are
     * handed over first, so a stop before the child starts is never missed.
     */
    public Received poll() {
        long before = queued.get();
        int pending = Long.bitCount(pendingReceivable());
        long deadline = System.nanoTime() + PENDING_HANDOFF.toNanos();
        while (queued.get() - before < pending && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000);
        }
        return queue.poll();
    }

    private static long pendingReceivable() {
        Memory set = LibC.sigset();
        LibC.INSTANCE.sigpending(set);
        return set.getLong(0) & LibC.sigset(HandledSignals.receivable()).getLong(0);
    }

    @Override
    public void close() {
        running = false;
    }
}
