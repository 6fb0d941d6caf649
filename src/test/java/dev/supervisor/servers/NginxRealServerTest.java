package dev.supervisor.servers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nginx preset against nginx itself (Debian package {@code nginx-light}, 1.22): nginx's TERM is a
 * fast shutdown that drops open connections, QUIT a graceful one that lets them finish. The in-flight
 * work here is a throttled download (limit_rate), which needs no upstream.
 */
class NginxRealServerTest {
    private static final Duration STOP = Duration.ofSeconds(20);
    /** At the configured 200 kB/s: ~1.5 s, long enough to be in flight when the stop signal lands. */
    private static final int DOWNLOAD_BYTES = 300_000;

    @TempDir
    Path dir;

    private Path nginx;
    private byte[] download;
    private SupervisedHttpServer server;

    @BeforeEach
    void requireNginx() {
        nginx = ServerBinary.require("nginx", "nginx-light");
    }

    @AfterEach
    void killLeftovers() {
        if (server != null) server.close();
    }

    private void startNginx(String preset) throws IOException {
        int port = FreePort.next();
        download = new byte[DOWNLOAD_BYTES];
        new Random(42).nextBytes(download);
        Files.createDirectories(dir.resolve("www"));
        Files.write(dir.resolve("www/slow.bin"), download);
        Path config = RealServerFiles.fill("nginx/nginx.conf", dir, Map.of("DIR", dir.toString(), "PORT", Integer.toString(port)));
        // -e stderr: nginx opens its compiled-in error log (/var/log/nginx) before reading the config otherwise.
        server = SupervisedHttpServer.start(dir, port, List.of("run", "--verbose", "--preset", preset, "--",
                nginx.toString(), "-p", dir.toString(), "-e", "stderr", "-c", config.toString(),
                "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";"));
    }

    @Test
    void withThePresetTermLetsTheDownloadFinish() throws Exception {
        startNginx("nginx");
        InFlightRequest request = server.downloadUnderway("/slow.bin");

        server.supervisor().signal("TERM");

        InFlightRequest.Outcome outcome = request.await(STOP);
        assertTrue(outcome.completed(), () -> outcome + "\n" + server.describe());
        assertEquals(200, outcome.status());
        assertArrayEquals(download, outcome.body());
        assertEquals(0, server.supervisor().waitFor(STOP), server::describe);
        assertTrue(server.supervisor().stderr().contains("sent QUIT"), server::describe);
    }

    /** Why the preset exists (and why the official nginx image sets STOPSIGNAL SIGQUIT). */
    @Test
    void withoutThePresetTermCutsTheDownload() throws Exception {
        startNginx("generic");
        InFlightRequest request = server.downloadUnderway("/slow.bin");

        server.supervisor().signal("TERM");

        InFlightRequest.Outcome outcome = request.await(STOP);
        assertTrue(outcome.cutByServer(), () -> outcome + "\n" + server.describe());
        assertTrue(outcome.body().length < DOWNLOAD_BYTES, outcome::toString);
        assertEquals(0, server.supervisor().waitFor(STOP), server::describe);
        assertTrue(server.supervisor().stderr().contains("sent TERM"), server::describe);
    }
}
