package dev.supervisor.servers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unicorn preset against unicorn itself (Debian package {@code unicorn}): unicorn's TERM is a quick
 * shutdown that kills workers mid-request; QUIT lets them finish. The preset turns the platform's TERM
 * into QUIT.
 */
class UnicornRealServerTest {
    private static final Duration STOP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path unicorn;
    private SupervisedHttpServer server;

    @BeforeEach
    void requireUnicorn() {
        unicorn = ServerBinary.require("unicorn", "unicorn");
    }

    @AfterEach
    void killLeftovers() {
        if (server != null) server.close();
    }

    private void startUnicorn(String preset) throws IOException {
        int port = FreePort.next();
        Path app = RealServerFiles.copy("rack/slow.ru", dir);
        Path config = RealServerFiles.copy("rack/unicorn.rb", dir);
        server = SupervisedHttpServer.start(dir, port, List.of("run", "--verbose", "--preset", preset, "--",
                unicorn.toString(), "-c", config.toString(), "-l", "127.0.0.1:" + port, app.toString()));
    }

    @Test
    void withThePresetTermLetsTheInFlightRequestFinish() throws Exception {
        startUnicorn("unicorn");
        server.assertTermLetsTheInFlightRequestFinish("QUIT", 0, STOP);
    }

    /**
     * Why the preset exists. unicorn 6 also exits 0 after this quick shutdown, so the exit code does not
     * reveal the dropped request either.
     */
    @Test
    void withoutThePresetTermCutsTheInFlightRequest() throws Exception {
        startUnicorn("generic");
        InFlightRequest request = server.slowRequestBeingHandled();

        server.supervisor().signal("TERM");

        InFlightRequest.Outcome outcome = request.await(STOP);
        assertTrue(outcome.cutByServer(), () -> outcome + "\n" + server.describe());
        assertEquals(0, server.supervisor().waitFor(STOP), server::describe);
        assertTrue(server.supervisor().stderr().contains("sent TERM"), server::describe);
    }
}
