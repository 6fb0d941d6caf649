package dev.supervisor.config;

import dev.supervisor.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    static final String FULL = """
            default_mode: web
            verbose: true
            platform_stop_timeout: 60s
            secrets:
              source: s3://bucket/secrets.yml
              cryptor: aws-kms
              keys: [$.vault, $.extra]
              env_root: $.vault.production
              plaintext: false
              override_env: true
              prefix: pre_
              suffix: _suf
              salt: 12345
              cipher: aes-256-gcm
              digest: SHA256
              use_sign_passphrase: true
              passphrase_file: /run/secrets/pass
              files:
                - s3://b/k=/etc/app/key.pem:0600
              files_kms: true
              aws:
                region: eu-west-1
                endpoint: http://localhost:4566
                kms_key_id: alias/app
                concurrency: 8
              timeout: 20s
            modes:
              web:
                command: bundle exec unicorn -c "config/unicorn.rb"
                preset: unicorn
                signals: {USR1: ignore, HUP: QUIT}
                stop_timeout: 20s
                stop_delay: 5s
                process_group: true
                exec: false
                env: {RAILS_MAX_THREADS: 5, DATABASE_URL: "${DB:-postgres://db}"}
                workdir: app
                prehooks:
                  - bin/rails db:migrate
                  - [sh, -c, "echo ready | tee /tmp/x"]
                args: append
                quiet_first: false
              worker:
                command: [bundle, exec, sidekiq]
                preset: sidekiq
                quiet_first: true
            """;

    @Test
    void everyKeyIsRead() {
        SupervisorConfig c = ConfigLoader.parse(Path.of("/app/supervisor.yml"), "supervisor.yml", FULL);
        assertEquals("web", c.defaultMode());
        assertTrue(c.verbose());
        assertEquals(Duration.ofSeconds(60), c.stopBudget());
        SecretsConfig s = c.secrets();
        assertEquals("s3://bucket/secrets.yml", s.source());
        assertEquals("aws-kms", s.cryptor());
        assertEquals(List.of("$.vault", "$.extra"), s.keys());
        assertEquals("$.vault.production", s.envRoot());
        assertFalse(s.plaintext());
        assertTrue(s.overrideEnv());
        assertEquals("pre_", s.prefix());
        assertEquals("_suf", s.suffix());
        assertEquals("12345", s.salt());
        assertEquals("aes-256-gcm", s.cipher());
        assertEquals("SHA256", s.digest());
        assertTrue(s.useSignPassphrase());
        assertEquals("/run/secrets/pass", s.passphraseFile());
        assertEquals(List.of("s3://b/k=/etc/app/key.pem:0600"), s.files());
        assertTrue(s.filesKms());
        assertEquals("eu-west-1", s.awsRegion());
        assertEquals("http://localhost:4566", s.awsEndpoint());
        assertEquals("alias/app", s.awsKmsKeyId());
        assertEquals(8, s.kmsConcurrency());
        assertEquals(Duration.ofSeconds(20), s.timeout());

        assertEquals(List.of("web", "worker"), List.copyOf(c.modes().keySet()));
        ModeConfig web = c.modes().get("web");
        assertEquals(List.of("bundle", "exec", "unicorn", "-c", "config/unicorn.rb"), web.command());
        assertEquals("unicorn", web.preset());
        assertEquals(Map.of("USR1", "ignore", "HUP", "QUIT"), web.signals());
        assertEquals(Duration.ofSeconds(20), web.stopTimeout());
        assertEquals(Duration.ofSeconds(5), web.stopDelay());
        assertEquals(true, web.processGroup());
        assertEquals(false, web.exec());
        assertEquals(Map.of("RAILS_MAX_THREADS", "5", "DATABASE_URL", "${DB:-postgres://db}"), web.env());
        assertEquals("app", web.workdir());
        assertEquals(List.of(List.of("bin/rails", "db:migrate"), List.of("sh", "-c", "echo ready | tee /tmp/x")), web.prehooks());
        assertEquals(ArgsPolicy.APPEND, web.args());
        assertEquals(false, web.quietFirst());
        assertEquals(true, c.modes().get("worker").quietFirst());
    }

    @Test
    void unknownKeyNamesFileLineColumnAndSuggestion() {
        String yaml = """
                modes:
                  web:
                    command: puma
                    stop_timout: 10s
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(null, "supervisor.yml", yaml));
        assertEquals("supervisor.yml:4:5: unknown key 'stop_timout' in mode 'web' (did you mean 'stop_timeout'?)", e.getMessage());
        assertEquals(ExitCode.CONFIG, e.exitCode());
    }

    @Test
    void unknownKeyFarFromAnyListsTheKnownKeys() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "s.yml", "secrets:\n  wibblewobble: 1\n"));
        assertTrue(e.getMessage().startsWith("s.yml:2:3: unknown key 'wibblewobble' in secrets (known keys: source, cryptor"),
                e.getMessage());
    }

    @Test
    void wrongTypeNamesLineColumnAndWhatWasFound() {
        String yaml = """
                modes:
                  web:
                    command: puma
                    process_group: [1, 2]
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(null, "supervisor.yml", yaml));
        assertEquals("supervisor.yml:4:20: 'process_group' in mode 'web' must be true or false, got a list", e.getMessage());
    }

    @Test
    void durationWithoutUnitAsksForOne() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    command: x\n    stop_timeout: 25\n"));
        assertEquals("supervisor.yml:4:19: 'stop_timeout' in mode 'web' needs a unit: write 25s (or 500ms, 2m, 1m30s)", e.getMessage());
    }

    @Test
    void badSignalPointsAtTheValue() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    command: x\n    signals: {TERM: QUTI}\n"));
        assertTrue(e.getMessage().startsWith("supervisor.yml:4:21: signals.TERM in mode 'web': unknown signal 'QUTI'"), e.getMessage());
    }

    @Test
    void killCannotBeRewritten() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    command: x\n    signals: {KILL: TERM}\n"));
        assertTrue(e.getMessage().contains("4:15: signals in mode 'web': KILL cannot be caught"), e.getMessage());
    }

    @Test
    void unknownPresetSuggestsTheNearestOne() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    command: x\n    preset: unicron\n"));
        assertEquals("supervisor.yml:4:13: unknown preset 'unicron' in mode 'web' (did you mean 'unicorn'?)", e.getMessage());
    }

    @Test
    void unbalancedQuoteInCommandIsAnErrorAtTheCommand() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    command: \"echo 'hi\"\n"));
        assertTrue(e.getMessage().startsWith("supervisor.yml:3:14: 'command' in mode 'web': unbalanced single quote"), e.getMessage());
    }

    @Test
    void modeWithoutCommandIsAnErrorUnlessArgsReplace() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    preset: puma\n"));
        assertTrue(e.getMessage().contains("mode 'web' needs a 'command'"), e.getMessage());
        SupervisorConfig c = ConfigLoader.parse(null, "supervisor.yml", "modes:\n  task:\n    args: replace\n");
        assertNull(c.modes().get("task").command());
    }

    @Test
    void duplicateKeyIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    command: a\n    command: b\n"));
        assertEquals("supervisor.yml:4:5: duplicate key 'command' in mode 'web'", e.getMessage());
    }

    @Test
    void mergeKeysShareSettingsAndExplicitKeysWin() {
        String yaml = """
                modes:
                  base: &base
                    command: bundle exec sidekiq
                    preset: sidekiq
                    stop_timeout: 20s
                  low:
                    <<: *base
                    stop_timeout: 10s
                """;
        ModeConfig low = ConfigLoader.parse(null, "supervisor.yml", yaml).modes().get("low");
        assertEquals(List.of("bundle", "exec", "sidekiq"), low.command());
        assertEquals("sidekiq", low.preset());
        assertEquals(Duration.ofSeconds(10), low.stopTimeout());
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web: [a\n"));
        assertTrue(e.getMessage().startsWith("supervisor.yml:3:1: invalid YAML"), e.getMessage());
    }

    @Test
    void defaultModeMustBeAMode() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "default_mode: wbe\nmodes:\n  web:\n    command: x\n"));
        assertEquals("supervisor.yml:1:15: default_mode 'wbe' is not a mode (modes: web)", e.getMessage());
    }

    @Test
    void quietFirstNeedsAPresetWithAQuietSignal() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(null, "supervisor.yml", "modes:\n  web:\n    command: x\n    preset: puma\n    quiet_first: true\n"));
        assertTrue(e.getMessage().contains("'quiet_first' in mode 'web' needs a preset with a quiet signal (sidekiq, resque, shoryuken)"),
                e.getMessage());
    }

    @Test
    void emptyDocumentHasNoModes() {
        assertTrue(ConfigLoader.parse(null, "supervisor.yml", "# nothing yet\n").modes().isEmpty());
    }

    @Test
    void explicitFileIsFoundRelativeToTheWorkingDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.yml"), "modes:\n  web:\n    command: puma\n");
        SupervisorConfig c = ConfigLoader.load(Path.of("other.yml"), Map.of(), dir);
        assertEquals(dir.resolve("other.yml"), c.file());
        assertTrue(c.modes().containsKey("web"));
    }

    @Test
    void missingExplicitFileIsAnError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Path.of("nope.yml"), Map.of(), dir));
        assertEquals("nope.yml: config file not found (given with --config)", e.getMessage());
    }

    @Test
    void missingFileNamedByVariableIsAnError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("SUPERVISOR_CONFIG", "/etc/nope.yml"), dir));
        assertEquals("/etc/nope.yml: config file not found (named by SUPERVISOR_CONFIG)", e.getMessage());
    }

    @Test
    void flagBeatsVariableBeatsDefaultFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("supervisor.yml"), "modes:\n  fromdefault:\n    command: x\n");
        Files.writeString(dir.resolve("env.yml"), "modes:\n  fromenv:\n    command: x\n");
        Files.writeString(dir.resolve("flag.yml"), "modes:\n  fromflag:\n    command: x\n");
        Map<String, String> env = Map.of("SUPERVISOR_CONFIG", "env.yml");
        assertTrue(ConfigLoader.load(Path.of("flag.yml"), env, dir).modes().containsKey("fromflag"));
        assertTrue(ConfigLoader.load(null, env, dir).modes().containsKey("fromenv"));
        assertTrue(ConfigLoader.load(null, Map.of(), dir).modes().containsKey("fromdefault"));
    }

    @Test
    void absentDefaultFileMeansNoModes(@TempDir Path dir) {
        SupervisorConfig c = ConfigLoader.load(null, Map.of(), dir);
        assertNull(c.file());
        assertTrue(c.modes().isEmpty());
    }

    @Test
    void errorsInAFileNameItAsGiven(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("supervisor.yml"), "modez: {}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(), dir));
        assertEquals("supervisor.yml:1:1: unknown key 'modez' (did you mean 'modes'?)", e.getMessage());
    }

    @Test
    void secretsToStringHidesKeyMaterial() {
        SupervisorConfig c = ConfigLoader.parse(null, "supervisor.yml", FULL);
        String text = c.secrets().toString();
        assertFalse(text.contains("12345"), text);
        assertFalse(text.contains("pre_"), text);
        assertTrue(text.contains("salt=set"), text);
    }
}
