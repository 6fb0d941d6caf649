package dev.supervisor.examples;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.supervisor.examples.ExampleCommand.EXAMPLES;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/demo/run.sh end to end, with the supervisor of this build (SUPERVISOR) instead of the jar. */
class DemoRunTest {

    @Test
    void demoChecksRunsStopsGracefullyAndRunsATask() throws Exception {
        ExampleCommand.Result r = ExampleCommand.run(EXAMPLES.resolve("demo"),
                Map.of("SUPERVISOR", String.join(" ", ExampleCommand.supervisor())),
                List.of("bash", EXAMPLES.resolve("demo/run.sh").toString()), 120);
        String out = r.output();
        assertAll(
                () -> assertEquals(0, r.exitCode(), out),
                () -> assertTrue(out.contains("check: ok"), out),
                () -> assertTrue(out.contains("DATABASE_URL=****"), out),
                () -> assertTrue(out.contains("rake assets:check: done"), "the prehook ran:\n" + out),
                () -> assertTrue(out.contains("QUIT: graceful shutdown"), "TERM became QUIT:\n" + out),
                () -> assertTrue(out.contains("all requests done, bye"), out),
                () -> assertFalse(out.contains("quick shutdown"), out),
                () -> assertTrue(out.contains("exit code: 0  <- the unicorn preset"), out),
                () -> assertTrue(out.contains("rake db:migrate: done"), out),
                () -> assertFalse(out.contains("demo-db-password"), "a secret value was printed:\n" + out));
    }
}
