package dev.supervisor.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopBudgetTest {
    private static ResolvedMode resolve(String yaml, Map<String, String> env) {
        SupervisorConfig c = ConfigLoader.parse(Path.of("/a/supervisor.yml"), "supervisor.yml", yaml).applyEnvironment(env);
        return ModeResolver.resolve(c, "m", List.of(), ModeOverrides.NONE, env);
    }

    @Test
    void defaultsFitTheDefaultBudget() {
        for (Preset p : Preset.values()) {
            assertEquals(List.of(), resolve("modes:\n  m:\n    command: x\n    preset: " + p.id() + "\n", Map.of()).budgetWarnings(), p.id());
        }
    }

    @Test
    void delayPlusTimeoutReachingTheBudgetWarns() {
        List<String> w = resolve("modes:\n  m:\n    command: x\n    stop_delay: 5s\n    stop_timeout: 25s\n", Map.of()).budgetWarnings();
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("mode 'm': stop_delay 5s + stop_timeout 25s = 30s is not below the platform's stop timeout of 30s"),
                w.get(0));
    }

    @Test
    void aDeclaredLargerBudgetSilencesTheWarning() {
        String yaml = "modes:\n  m:\n    command: x\n    stop_delay: 5s\n    stop_timeout: 25s\n";
        assertEquals(List.of(), resolve(yaml, Map.of("SUPERVISOR_PLATFORM_STOP_TIMEOUT", "60s")).budgetWarnings());
        assertEquals(List.of(), resolve("platform_stop_timeout: 1m\n" + yaml, Map.of()).budgetWarnings());
    }

    @Test
    void sidekiqTimeoutNotBelowStopTimeoutWarns() {
        List<String> w = resolve("modes:\n  m:\n    command: bundle exec sidekiq -t 30\n    preset: sidekiq\n", Map.of()).budgetWarnings();
        assertEquals(List.of("mode 'm': sidekiq -t/--timeout 30 is not below stop_timeout 28s: the supervisor will KILL it"
                + " before its own shutdown deadline; lower -t/--timeout or raise stop_timeout"), w);
    }

    @Test
    void innerTimeoutOptionIsFoundInEverySpelling() {
        List<String> opts = List.of("-t", "--timeout");
        assertEquals(20, StopBudget.innerOption(List.of("sidekiq", "-t", "20"), opts).getAsInt());
        assertEquals(21, StopBudget.innerOption(List.of("sidekiq", "-t21"), opts).getAsInt());
        assertEquals(22, StopBudget.innerOption(List.of("sidekiq", "--timeout=22"), opts).getAsInt());
        assertTrue(StopBudget.innerOption(List.of("sidekiq", "-q", "t"), opts).isEmpty());
    }

    @Test
    void goodJobWaitingForeverWarns() {
        List<String> w = resolve("modes:\n  m:\n    command: good_job start --shutdown-timeout=-1\n    preset: good_job\n", Map.of()).budgetWarnings();
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("waits forever"), w.get(0));
    }

    @Test
    void execWithRewritesExplainsTheyDoNotApply() {
        ResolvedMode m = resolve("modes:\n  m:\n    command: x\n    preset: unicorn\n    exec: true\n", Map.of());
        assertEquals(List.of(), m.budgetWarnings());
        assertEquals(1, m.warnings().size());
        assertTrue(m.warnings().get(0).contains("exec replaces the supervisor"), m.warnings().get(0));
    }
}
