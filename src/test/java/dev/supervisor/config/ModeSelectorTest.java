package dev.supervisor.config;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModeSelectorTest {
    private static final SupervisorConfig CONFIG = ConfigLoader.parse(null, "supervisor.yml", """
            default_mode: web
            modes:
              web: {command: puma}
              worker: {command: sidekiq}
              rake: {command: bin/rake, args: append}
            """);
    private static final SupervisorConfig NO_DEFAULT = ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web: {command: puma}\n");

    @Test
    void firstPositionalNamingAModeSelectsIt() {
        assertEquals(Selection.mode("worker", List.of("-q", "low")),
                ModeSelector.select(CONFIG, null, List.of("worker", "-q", "low"), false));
    }

    @Test
    void modeOptionTakesEveryPositionalAsExtraArguments() {
        assertEquals(Selection.mode("web", List.of("worker", "-p", "1")),
                ModeSelector.select(CONFIG, "web", List.of("worker", "-p", "1"), true));
    }

    @Test
    void unknownModeOptionListsTheModes() {
        SupervisorException e = assertThrows(SupervisorException.class, () -> ModeSelector.select(CONFIG, "wrker", List.of(), false));
        assertEquals("--mode wrker: no such mode (modes: web, worker, rake)", e.getMessage());
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void firstPositionalThatIsNoModeIsAnAdhocCommand() {
        assertEquals(Selection.adhoc(List.of("bundle", "exec", "puma")),
                ModeSelector.select(CONFIG, null, List.of("bundle", "exec", "puma"), false));
    }

    @Test
    void aModeNamedLikeABinaryWins() {
        assertEquals(Selection.mode("rake", List.of("db:migrate")), ModeSelector.select(CONFIG, null, List.of("rake", "db:migrate"), false));
    }

    @Test
    void dashDashForcesAnAdhocCommandEvenForAModeName() {
        assertEquals(Selection.adhoc(List.of("rake", "db:migrate")), ModeSelector.select(CONFIG, null, List.of("--", "rake", "db:migrate")));
    }

    @Test
    void noPositionalsRunTheDefaultMode() {
        assertEquals(Selection.mode("web", List.of()), ModeSelector.select(CONFIG, null, List.of(), false));
    }

    @Test
    void supervisorModeVariableBeatsDefaultMode() {
        SupervisorConfig c = CONFIG.applyEnvironment(Map.of("SUPERVISOR_MODE", "worker"));
        assertEquals(Selection.mode("worker", List.of()), ModeSelector.select(c, null, List.of(), false));
    }

    @Test
    void supervisorModeNamingNoModeIsAnErrorNamingTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> CONFIG.applyEnvironment(Map.of("SUPERVISOR_MODE", "wbe")));
        assertEquals("SUPERVISOR_MODE='wbe' is not a mode of the configuration (no supervisor.yml was found) (modes: web, worker, rake)",
                e.getMessage());
    }

    @Test
    void nothingToRunIsAUsageError() {
        SupervisorException e = assertThrows(SupervisorException.class, () -> ModeSelector.select(NO_DEFAULT, null, List.of(), false));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }
}
