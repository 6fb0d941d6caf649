package dev.supervisor.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away redis-server for sidekiq: loopback, a free port, nothing persisted. Spoken to with
 * inline commands over a plain socket so the test needs no Redis client library.
 */
final class RedisServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private RedisServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static RedisServer start(Path binary, Path dir) throws IOException {
        int port = FreePort.next();
        Path log = dir.resolve("redis.log");
        Process process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RedisServer redis = new RedisServer(process, port, log);
        Await.until("redis-server to answer PING on port " + port, Await.BOOT,
                () -> "+PONG".equals(redis.tryCommand("PING")), redis::describe);
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Sends one inline command and returns the first line of the reply, e.g. {@code :1} for LLEN. */
    String command(String inline) {
        String reply = tryCommand(inline);
        if (reply == null) throw new UncheckedIOException(new IOException("redis did not answer " + inline + "\n" + describe()));
        return reply;
    }

    private String tryCommand(String inline) {
        if (!process.isAlive()) return null;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1 && c != '\r'; ) line.append((char) c);
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }

    private String describe() {
        try {
            return "redis-server alive: " + process.isAlive() + ", log:\n" + java.nio.file.Files.readString(log);
        } catch (IOException e) {
            return "redis-server alive: " + process.isAlive();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
