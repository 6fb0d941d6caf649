package dev.supervisor.servers;

import dev.supervisor.testing.SupervisorProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A real HTTP server started through the supervisor ({@code supervisor run ... -- server ...}), with the
 * two waits every graceful-stop test needs: until the server answers, and until a slow request is
 * being handled (so the stop signal lands while it is in flight, never before and never after).
 */
final class SupervisedHttpServer implements AutoCloseable {
    /** The apps write this file when they start handling GET /slow. */
    static final String MARKER_VARIABLE = "SLOW_MARKER";

    private final SupervisorProcess supervisor;
    private final int port;
    private final Path marker;

    private SupervisedHttpServer(SupervisorProcess supervisor, int port, Path marker) {
        this.supervisor = supervisor;
        this.port = port;
        this.marker = marker;
    }

    /** Runs {@code supervisor <args>} in {@code dir} and waits until something answers HTTP on {@code port}. */
    static SupervisedHttpServer start(Path dir, int port, List<String> args) throws IOException {
        Path marker = dir.resolve("slow-request-started");
        SupervisorProcess supervisor = SupervisorProcess.in(dir)
                .env(MARKER_VARIABLE, marker.toString())
                .run(args.toArray(String[]::new));
        SupervisedHttpServer server = new SupervisedHttpServer(supervisor, port, marker);
        try {
            Await.until("the server to answer HTTP on port " + port, Await.BOOT,
                    () -> !supervisor.isAlive() || InFlightRequest.answers(port), server::describe);
            if (!supervisor.isAlive()) throw new AssertionError("the supervisor exited before the server answered\n" + server.describe());
        } catch (AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    SupervisorProcess supervisor() {
        return supervisor;
    }

    /** GET /slow, returned once the app has written its marker: the request is now being handled. */
    InFlightRequest slowRequestBeingHandled() {
        InFlightRequest request = InFlightRequest.get(port, "/slow");
        return awaitInFlight(request, "the app to start handling GET /slow", () -> Files.exists(marker));
    }

    /** GET {@code path} of a throttled download, returned once its first body bytes have arrived. */
    InFlightRequest downloadUnderway(String path) {
        InFlightRequest request = InFlightRequest.get(port, path);
        return awaitInFlight(request, "the first bytes of " + path, () -> request.bodyBytesSoFar() > 0);
    }

    private InFlightRequest awaitInFlight(InFlightRequest request, String what, BooleanSupplier started) {
        Await.until(what, Await.BOOT, () -> started.getAsBoolean() || request.isDone(), this::describe);
        assertFalse(request.isDone(), () -> "the request ended before the stop signal, so it proves nothing: "
                + request + "\n" + describe());
        return request;
    }

    /** Both outputs of the supervisor (the server's log goes there too), for assertion messages. */
    /**
     * Sends the platform's TERM while a slow request is being handled and asserts the request completes
     * (200 "done"), the supervisor forwarded {@code forwardedAs} and exits with {@code exitCode}.
     */
    void assertTermLetsTheInFlightRequestFinish(String forwardedAs, int exitCode, java.time.Duration stop)
            throws InterruptedException {
        InFlightRequest request = slowRequestBeingHandled();
        supervisor.signal("TERM");
        InFlightRequest.Outcome outcome = request.await(stop);
        org.junit.jupiter.api.Assertions.assertTrue(outcome.completed(), () -> outcome + "\n" + describe());
        org.junit.jupiter.api.Assertions.assertEquals(200, outcome.status());
        org.junit.jupiter.api.Assertions.assertEquals("done", outcome.bodyText());
        org.junit.jupiter.api.Assertions.assertEquals(exitCode, supervisor.waitFor(stop), this::describe);
        org.junit.jupiter.api.Assertions.assertTrue(supervisor.stderr().contains("sent " + forwardedAs), this::describe);
    }

    String describe() {
        return "supervisor stdout:\n" + supervisor.stdout() + "\nsupervisor stderr:\n" + supervisor.stderr();
    }

    /** Kills whatever is left: the supervisor and every descendant (workers included). */
    @Override
    public void close() {
        supervisor.close();
    }
}
