package dev.supervisor.servers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The puma preset against puma itself (Debian package {@code puma}, 5.6): TERM is already puma's
 * graceful stop, so the preset forwards it unchanged, in single mode and in cluster mode.
 */
class PumaRealServerTest {
    private static final Duration STOP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Path puma;
    private SupervisedHttpServer server;

    @BeforeEach
    void requirePuma() {
        puma = ServerBinary.require("puma", "puma");
    }

    @AfterEach
    void killLeftovers() {
        if (server != null) server.close();
    }

    private void startPuma(String workers, String... pumaOptions) throws IOException {
        int port = FreePort.next();
        Path app = RealServerFiles.copy("rack/slow.ru", dir);
        List<String> args = new ArrayList<>(List.of("run", "--verbose", "--preset", "puma", "--",
                puma.toString(), "-w", workers, "-t", "1:1", "-b", "tcp://127.0.0.1:" + port));
        args.addAll(List.of(pumaOptions));
        args.add(app.toString());
        server = SupervisedHttpServer.start(dir, port, args);
    }

    private void assertCompleted(InFlightRequest.Outcome outcome) {
        assertTrue(outcome.completed(), () -> outcome + "\n" + server.describe());
        assertEquals(200, outcome.status());
        assertEquals("done", outcome.bodyText());
    }

    /**
     * Puma 5 finishes the request, then re-raises SIGTERM on itself (its {@code raise_exception_on_sigterm}
     * defaults to true), so the supervisor reports 143 after a perfectly graceful stop.
     */
    @ParameterizedTest(name = "puma -w {0}")
    @ValueSource(strings = {"0", "1"})
    void termLetsTheInFlightRequestFinishThenPumaDiesOfTerm(String workers) throws Exception {
        startPuma(workers);
        InFlightRequest request = server.slowRequestBeingHandled();

        server.supervisor().signal("TERM");

        assertCompleted(request.await(STOP));
        assertEquals(143, server.supervisor().waitFor(STOP), server::describe);
        assertTrue(server.supervisor().stderr().contains("sent TERM"), server::describe);
    }

    @Test
    void withRaiseExceptionOnSigtermOffTheGracefulStopExitsZero() throws Exception {
        Path config = RealServerFiles.copy("rack/puma-exit-zero.rb", dir);
        startPuma("0", "-C", config.toString());
        InFlightRequest request = server.slowRequestBeingHandled();

        server.supervisor().signal("TERM");

        assertCompleted(request.await(STOP));
        assertEquals(0, server.supervisor().waitFor(STOP), server::describe);
    }
}
