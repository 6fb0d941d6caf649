package dev.supervisor.servers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP GET running in the background while the test stops the server: either it completes (status
 * and the whole body) or the server cuts it (reset, empty reply, short body).
 *
 * <p>One plain HTTP/1.0 request on one socket, on purpose: java.net.http.HttpClient silently retries an
 * idempotent GET whose connection closed before any byte came back (seen with unicorn: the cut request
 * surfaced as a ConnectException from the retry), which blurs exactly what these tests observe.
 * HTTP/1.0 also keeps the servers from chunking and makes them close the connection after the body.
 */
final class InFlightRequest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    /**
     * What became of the request: {@code status} 0 when no status line came, {@code contentLength} -1
     * when the server sent none, {@code failure} the I/O error that ended the read (null at a clean EOF).
     */
    record Outcome(int status, byte[] body, long contentLength, IOException failure) {
        boolean completed() {
            return failure == null && status > 0 && (contentLength < 0 || body.length == contentLength);
        }

        /** The server ended the exchange early, as opposed to the request completing or the client timing out. */
        boolean cutByServer() {
            return !completed() && !(failure instanceof SocketTimeoutException);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String length = contentLength < 0 ? "" : " of " + contentLength;
            return (completed() ? "completed: " : "cut off: ") + "status " + status + ", " + body.length + length
                    + " body bytes" + (failure == null ? ", then EOF" : ", then " + failure);
        }
    }

    private final AtomicLong bodyBytes = new AtomicLong();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    private InFlightRequest() {}

    static InFlightRequest get(int port, String path) {
        InFlightRequest request = new InFlightRequest();
        Thread thread = new Thread(() -> request.outcome.complete(request.exchange(port, path)), "GET " + path);
        thread.setDaemon(true);
        thread.start();
        return request;
    }

    private Outcome exchange(int port, String path) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int headerEnd = -1;
        IOException failure = null;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
                if (headerEnd < 0) headerEnd = indexOf(received.toByteArray(), HEADER_END);
                if (headerEnd >= 0) bodyBytes.set(received.size() - headerEnd - HEADER_END.length);
            }
        } catch (IOException e) {
            failure = e;
        }
        return parse(received.toByteArray(), headerEnd, failure);
    }

    private static Outcome parse(byte[] received, int headerEnd, IOException failure) {
        if (headerEnd < 0) return new Outcome(0, new byte[0], -1, failure);
        String head = new String(received, 0, headerEnd, StandardCharsets.ISO_8859_1);
        Matcher status = STATUS_LINE.matcher(head);
        Matcher length = CONTENT_LENGTH.matcher(head);
        byte[] body = Arrays.copyOfRange(received, headerEnd + HEADER_END.length, received.length);
        return new Outcome(status.find() ? Integer.parseInt(status.group(1)) : 0, body,
                length.find() ? Long.parseLong(length.group(1)) : -1, failure);
    }

    private static int indexOf(byte[] data, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= data.length; i++) {
            for (int j = 0; j < wanted.length; j++) if (data[i + j] != wanted[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Body bytes received so far (a download is in flight once this is above 0). */
    long bodyBytesSoFar() {
        return bodyBytes.get();
    }

    /** True once the request has finished either way (too early means the test missed its window). */
    boolean isDone() {
        return outcome.isDone();
    }

    @Override
    public String toString() {
        return outcome.isDone() ? outcome.getNow(null).toString() : "in flight after " + bodyBytes.get() + " body bytes";
    }

    Outcome await(Duration timeout) throws InterruptedException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("request still running after " + timeout + " (" + this + ")");
        }
    }

    /** True when something on the port answers HTTP (any status): the server is up. */
    static boolean answers(int port) {
        try {
            return get(port, "/").await(READ_TIMEOUT.plusSeconds(5)).status() > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
