package dev.supervisor.robustness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An endpoint that accepts connections and never answers: an AWS call to it stays in flight until
 * the client's own timeout, which makes "a signal while the call is in flight" deterministic.
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Connections accepted so far (each is a request now waiting for an answer). */
    int connections() {
        return accepted.size();
    }

    private void acceptForever() {
        try {
            while (!socket.isClosed()) accepted.add(socket.accept());
        } catch (IOException closed) {
            // closed by close()
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) s.close();
    }
}
