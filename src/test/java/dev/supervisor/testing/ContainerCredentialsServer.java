package dev.supervisor.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves ECS-style container credentials ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) on 127.0.0.1, which the
 * SDK accepts over plain HTTP because it is a loopback address. Answers 401 unless the request carries the
 * expected {@code Authorization} token, like the ECS agent and EKS Pod Identity agent do.
 */
public final class ContainerCredentialsServer implements AutoCloseable {
    public static final String PATH = "/v2/credentials/test-task";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    public ContainerCredentialsServer(String accessKeyId, String secretAccessKey, String sessionToken,
                                      String authorizationToken) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, ex -> {
            requests.incrementAndGet();
            try (ex) {
                if (!authorizationToken.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    rejected.incrementAndGet();
                    byte[] body = "{\"code\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(401, body.length);
                    ex.getResponseBody().write(body);
                    return;
                }
                String json = "{\"AccessKeyId\":\"" + accessKeyId + "\",\"SecretAccessKey\":\"" + secretAccessKey
                        + "\",\"Token\":\"" + sessionToken + "\",\"Expiration\":\""
                        + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}";
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    public String fullUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public int requests() { return requests.get(); }
    public int rejected() { return rejected.get(); }

    @Override
    public void close() {
        server.stop(0);
    }
}
