package dev.supervisor.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One thread that takes every handled signal with sigtimedwait and queues it. All other threads keep
 * the set blocked ({@link SignalBlocking}), so no signal is ever delivered asynchronously: the queue is
 * the only way a signal enters the supervisor, from the first line of {@code run} to the exit.
 */
public final class SignalReceiver implements AutoCloseable {
    /** A signal as it arrived: number, and the sending pid when a process sent it with kill(2). */
    public record Received(int signal, int senderPid) {}

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
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
        }
    }

    /** The next signal, waiting at most {@code timeout} (null: forever); null when none came. */
    public Received next(Duration timeout) throws InterruptedException {
        if (timeout == null) return queue.take();
        long nanos = Math.max(0, timeout.toNanos());
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /** A signal that already arrived, without waiting; null if none. */
    public Received poll() {
        return queue.poll();
    }

    @Override
    public void close() {
        running = false;
    }
}
