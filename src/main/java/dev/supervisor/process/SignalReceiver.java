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
 * The only way a signal enters the supervisor: every thread keeps the handled set blocked
 * ({@link SignalBlocking}), and signals are taken with sigtimedwait, never delivered asynchronously.
 *
 * <p>While the environment is prepared, a receiver thread takes them and queues them, so the preparing
 * thread can watch for a stop without blocking in the kernel. Once a child runs, the supervision loop
 * {@link #takeOver takes over}: it calls sigtimedwait itself, as tini does, so nothing is handed between
 * threads on the way from kill(2) to the forwarded signal.
 */
public final class SignalReceiver implements AutoCloseable {
    /** A signal as it arrived: number, and the sending pid when a process sent it with kill(2). */
    public record Received(int signal, int senderPid) {}

    /** How long {@link #poll} waits at most for the receiver thread to take signals already pending. */
    private static final Duration PENDING_HANDOFF = Duration.ofSeconds(2);
    /** How often the receiver thread looks up from its wait, bounding {@link #takeOver}. */
    private static final long RECEIVER_WAKE_NANOS = 10_000_000L;
    /** A "forever" wait in the loop is this long: the loop comes back and waits again. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    /** Read from /proc once: which signals sigtimedwait can take in this runtime. */
    private final long receivableMask = LibC.sigset(HandledSignals.receivable()).getLong(0);
    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean takenOver;
    /** The taking-over thread's own buffers (the receiver thread has its own). */
    private final SignalWait direct = new SignalWait();

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
        SignalWait wait = new SignalWait();
        while (running) {
            Received r = wait.next(RECEIVER_WAKE_NANOS);
            if (r != null) {
                queue.add(r);
                queued.incrementAndGet();
            }
        }
    }

    /**
     * From now on the calling thread takes signals itself. Stops the receiver thread (within
     * {@link #RECEIVER_WAKE_NANOS}); whatever it queued is still returned first. Idempotent.
     */
    public void takeOver() throws InterruptedException {
        if (takenOver) return;
        running = false;
        thread.join();
        takenOver = true;
    }

    /** The next signal, waiting at most {@code timeout} (null: up to a second); null when none came. */
    public Received next(Duration timeout) throws InterruptedException {
        Duration wait = timeout == null ? LONGEST_WAIT : timeout;
        if (takenOver) {
            Received queuedEarlier = queue.poll();
            return queuedEarlier != null ? queuedEarlier : direct.next(Math.max(0, wait.toNanos()));
        }
        return queue.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * A signal that already arrived, without waiting for new ones; null if none. "Arrived" includes
     * signals still pending in the kernel because the receiver thread has not called sigtimedwait yet
     * (a TERM sent while the JVM was starting, or carried pending across the relaunch): those are
     * handed over first, so a stop before the child starts is never missed.
     */
    public Received poll() {
        if (takenOver) {
            Received queuedEarlier = queue.poll();
            return queuedEarlier != null ? queuedEarlier : direct.next(0);
        }
        long before = queued.get();
        int pending = Long.bitCount(pendingReceivable());
        long deadline = System.nanoTime() + PENDING_HANDOFF.toNanos();
        while (queued.get() - before < pending && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000);
        }
        return queue.poll();
    }

    private long pendingReceivable() {
        Memory set = LibC.sigset();
        LibC.INSTANCE.sigpending(set);
        return set.getLong(0) & receivableMask;
    }

    @Override
    public void close() {
        running = false;
    }

    /** One thread's sigtimedwait with its own native buffers. */
    private static final class SignalWait {
        private final Memory set = LibC.sigset(HandledSignals.receivable());
        private final Memory info = new Memory(LibC.SIGINFO_BYTES);
        private final Memory timeout = new Memory(16); // struct timespec

        Received next(long nanos) {
            timeout.setLong(0, nanos / 1_000_000_000L);
            timeout.setLong(8, nanos % 1_000_000_000L);
            try {
                int signal = LibC.INSTANCE.sigtimedwait(set, info, timeout);
                return new Received(signal, info.getInt(16));
            } catch (LastErrorException e) {
                return null; // EAGAIN: timed out; EINTR: interrupted by a signal outside the set
            }
        }
    }
}
