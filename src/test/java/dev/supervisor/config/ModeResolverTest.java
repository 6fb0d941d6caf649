package dev.supervisor.config;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.supervisor.process.Signals.SIGHUP;
import static dev.supervisor.process.Signals.SIGINT;
import static dev.supervisor.process.Signals.SIGQUIT;
import static dev.supervisor.process.Signals.SIGTERM;
import static dev.supervisor.process.Signals.SIGTSTP;
import static dev.supervisor.process.Signals.SIGUSR1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModeResolverTest {
    private static SupervisorConfig config(String yaml) {
        return ConfigLoader.parse(Path.of("/srv/app/supervisor.yml"), "supervisor.yml", yaml);
    }

    private static ResolvedMode resolve(SupervisorConfig c, String mode, ModeOverrides flags, Map<String, String> env) {
        return ModeResolver.resolve(c.applyEnvironment(env), mode, List.of(), flags, env);
    }

    static final String UNICORN = "modes:\n  web:\n    command: unicorn\n    preset: unicorn\n";

    @Test
    void presetSuppliesTheStopTimeoutWhenNothingElseDoes() {
        assertEquals(Duration.ofSeconds(25), resolve(config(UNICORN), "web", ModeOverrides.NONE, Map.of()).stopTimeout());
        assertEquals(Duration.ofSeconds(28),
                resolve(config("modes:\n  w:\n    command: sidekiq\n    preset: sidekiq\n"), "w", ModeOverrides.NONE, Map.of()).stopTimeout());
    }

    @Test
    void fileBeatsPreset() {
        SupervisorConfig c = config(UNICORN + "    stop_timeout: 12s\n");
        assertEquals(Duration.ofSeconds(12), resolve(c, "web", ModeOverrides.NONE, Map.of()).stopTimeout());
    }

    @Test
    void environmentBeatsFile() {
        SupervisorConfig c = config(UNICORN + "    stop_timeout: 12s\n    stop_delay: 1s\n");
        ResolvedMode m = resolve(c, "web", ModeOverrides.NONE, Map.of("SUPERVISOR_STOP_TIMEOUT", "7s", "SUPERVISOR_STOP_DELAY", "2s"));
        assertEquals(Duration.ofSeconds(7), m.stopTimeout());
        assertEquals(Duration.ofSeconds(2), m.stopDelay());
    }

    @Test
    void flagBeatsEnvironment() {
        SupervisorConfig c = config(UNICORN + "    stop_timeout: 12s\n");
        ModeOverrides flags = new ModeOverrides(Duration.ofSeconds(3), null, Map.of(), true, null);
        ResolvedMode m = resolve(c, "web", flags, Map.of("SUPERVISOR_STOP_TIMEOUT", "7s", "SUPERVISOR_PROCESS_GROUP", "false"));
        assertEquals(Duration.ofSeconds(3), m.stopTimeout());
        assertTrue(m.processGroup());
    }

    @Test
    void builtInDefaultsApplyLast() {
        ResolvedMode m = resolve(config("modes:\n  x:\n    command: app\n"), "x", ModeOverrides.NONE, Map.of());
        assertEquals(Preset.GENERIC, m.preset());
        assertEquals(Map.of(), m.signalMap());
        assertEquals(Duration.ZERO, m.stopDelay());
        assertEquals(Duration.ofSeconds(25), m.stopTimeout());
        assertFalse(m.processGroup());
        assertFalse(m.exec());
        assertNull(m.quietSignal());
        assertNull(m.workdir());
    }

    @Test
    void termIsRewrittenToQuitForUnicorn() {
        ResolvedMode m = resolve(config(UNICORN), "web", ModeOverrides.NONE, Map.of());
        assertEquals(SIGQUIT, m.signalMap().get(SIGTERM));
        assertEquals(SIGINT, m.signalMap().get(SIGINT));
    }

    @Test
    void modeSignalsOverridePresetEntriesAndKeepTheRest() {
        ResolvedMode m = resolve(config(UNICORN + "    signals: {TERM: TERM, HUP: drop}\n"), "web", ModeOverrides.NONE, Map.of());
        assertEquals(SIGTERM, m.signalMap().get(SIGTERM));
        assertEquals(SIGINT, m.signalMap().get(SIGINT));
        assertEquals(0, m.signalMap().get(SIGHUP));
    }

    @Test
    void flagSignalsOverrideModeSignals() {
        ModeOverrides flags = new ModeOverrides(null, null, Map.of("SIGTERM", "USR1"), null, null);
        ResolvedMode m = resolve(config(UNICORN + "    signals: {TERM: TERM}\n"), "web", flags, Map.of());
        assertEquals(SIGUSR1, m.signalMap().get(SIGTERM));
    }

    @Test
    void quietFirstSendsThePresetsQuietSignal() {
        String yaml = "modes:\n  w:\n    command: sidekiq\n    preset: sidekiq\n";
        assertNull(resolve(config(yaml), "w", ModeOverrides.NONE, Map.of()).quietSignal());
        assertEquals(SIGTSTP, resolve(config(yaml + "    quiet_first: true\n"), "w", ModeOverrides.NONE, Map.of()).quietSignal());
    }

    @Test
    void extraArgsAreAppendedByDefault() {
        ResolvedMode m = ModeResolver.resolve(config(UNICORN), "web", List.of("-p", "4000"), ModeOverrides.NONE, Map.of());
        assertEquals(List.of("unicorn", "-p", "4000"), m.argv());
    }

    @Test
    void replaceModeRunsTheGivenCommandOrItsOwn() {
        SupervisorConfig c = config("modes:\n  task:\n    command: bin/rails console\n    args: replace\n");
        assertEquals(List.of("rake", "db:migrate"),
                ModeResolver.resolve(c, "task", List.of("rake", "db:migrate"), ModeOverrides.NONE, Map.of()).argv());
        assertEquals(List.of("bin/rails", "console"), ModeResolver.resolve(c, "task", List.of(), ModeOverrides.NONE, Map.of()).argv());
    }

    @Test
    void replaceModeWithoutCommandNeedsArguments() {
        SupervisorConfig c = config("modes:\n  task:\n    args: replace\n");
        SupervisorException e = assertThrows(SupervisorException.class,
                () -> ModeResolver.resolve(c, "task", List.of(), ModeOverrides.NONE, Map.of()));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void ignoreModeDropsExtraArguments() {
        SupervisorConfig c = config("modes:\n  web:\n    command: puma\n    args: ignore\n");
        assertEquals(List.of("puma"), ModeResolver.resolve(c, "web", List.of("x"), ModeOverrides.NONE, Map.of()).argv());
    }

    @Test
    void envValuesAreExpandedFromTheGivenEnvironment() {
        SupervisorConfig c = config("modes:\n  web:\n    command: puma\n    env:\n      URL: \"postgres://${DB_HOST}:${DB_PORT:-5432}/$$x\"\n");
        ResolvedMode m = resolve(c, "web", ModeOverrides.NONE, Map.of("DB_HOST", "db"));
        assertEquals(Map.of("URL", "postgres://db:5432/$x"), m.extraEnv());
    }

    @Test
    void unsetVariableNamesModeAndKey() {
        SupervisorConfig c = config("modes:\n  web:\n    command: puma\n    env:\n      URL: \"${DB_HOST}\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(c, "web", ModeOverrides.NONE, Map.of()));
        assertEquals("mode 'web': env URL: variable DB_HOST is not set (use ${DB_HOST:-default} for a fallback)", e.getMessage());
    }

    @Test
    void relativeWorkdirIsUnderTheConfigFilesDirectory() {
        SupervisorConfig c = config("modes:\n  web:\n    command: puma\n    workdir: ${APP:-current}/web\n");
        assertEquals(Path.of("/srv/app/current/web"), resolve(c, "web", ModeOverrides.NONE, Map.of()).workdir());
        assertEquals(Path.of("/opt/x/web"), resolve(c, "web", ModeOverrides.NONE, Map.of("APP", "/opt/x")).workdir());
    }

    @Test
    void adhocCommandUsesGenericPresetUnlessAFlagNamesOne() {
        SupervisorConfig c = SupervisorConfig.empty();
        ResolvedMode plain = ModeResolver.resolveAdhoc(c, List.of("bundle", "exec", "puma"), ModeOverrides.NONE, Map.of());
        assertNull(plain.name());
        assertEquals(Preset.GENERIC, plain.preset());
        assertEquals(List.of("bundle", "exec", "puma"), plain.argv());
        ModeOverrides flags = new ModeOverrides(null, null, Map.of(), null, null, "nginx");
        assertEquals(SIGQUIT, ModeResolver.resolveAdhoc(c, List.of("nginx"), flags, Map.of()).signalMap().get(SIGTERM));
    }

    @Test
    void environmentStopTimeoutAppliesToAdhocCommands() {
        SupervisorConfig c = SupervisorConfig.empty().applyEnvironment(Map.of("SUPERVISOR_STOP_TIMEOUT", "9s"));
        assertEquals(Duration.ofSeconds(9), ModeResolver.resolveAdhoc(c, List.of("x"), ModeOverrides.NONE, Map.of()).stopTimeout());
    }

    @Test
    void unknownModeListsTheModes() {
        SupervisorException e = assertThrows(SupervisorException.class,
                () -> ModeResolver.resolve(config(UNICORN), "wbe", List.of(), ModeOverrides.NONE, Map.of()));
        assertEquals("unknown mode 'wbe' (modes: web)", e.getMessage());
    }
}
