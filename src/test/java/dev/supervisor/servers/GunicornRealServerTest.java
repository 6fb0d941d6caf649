package dev.supervisor.servers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gunicorn preset against gunicorn itself (Debian package {@code gunicorn}, 20.1): TERM is gunicorn's
 * graceful stop (up to --graceful-timeout) and QUIT its quick one, the reverse of unicorn and nginx; the
 * preset must therefore leave TERM alone.
 */
class GunicornRealServerTest {
    private static final Duration STOP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path gunicorn;
    private SupervisedHttpServer server;

    @BeforeEach
    void requireGunicorn() {
        gunicorn = ServerBinary.require("gunicorn", "gunicorn");
    }

    @AfterEach
    void killLeftovers() {
        if (server != null) server.close();
    }

    private void startGunicorn(String... supervisorOptions) throws IOException {
        int port = FreePort.next();
        RealServerFiles.copy("gunicorn/slow_app.py", dir);
        List<String> args = new ArrayList<>(List.of("run", "--verbose", "--preset", "gunicorn"));
        args.addAll(List.of(supervisorOptions));
        args.addAll(List.of("--", gunicorn.toString(), "--chdir", dir.toString(), "-b", "127.0.0.1:" + port,
                "-w", "1", "--graceful-timeout", "10", "slow_app:app"));
        server = SupervisedHttpServer.start(dir, port, args);
    }

    @Test
    void withThePresetTermLetsTheInFlightRequestFinish() throws Exception {
        startGunicorn();
        server.assertTermLetsTheInFlightRequestFinish("TERM", 0, STOP);
    }

    /** The unicorn/nginx mapping applied to gunicorn would turn its graceful stop into its quick one. */
    @Test
    void mappingTermToQuitCutsTheInFlightRequest() throws Exception {
        startGunicorn("--signal-map", "TERM:QUIT");
        InFlightRequest request = server.slowRequestBeingHandled();

        server.supervisor().signal("TERM");

        InFlightRequest.Outcome outcome = request.await(STOP);
        assertTrue(outcome.cutByServer(), () -> outcome + "\n" + server.describe());
        assertEquals(0, server.supervisor().waitFor(STOP), server::describe);
        assertTrue(server.supervisor().stderr().contains("sent QUIT"), server::describe);
    }
}
