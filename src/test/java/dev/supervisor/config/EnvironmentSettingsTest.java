package dev.supervisor.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentSettingsTest {
    private static final SupervisorConfig FILE = ConfigLoader.parse(null, "supervisor.yml", """
            secrets:
              source: secrets.yml
              cryptor: simple
              keys: $.vault
              env_root: $.vault
            modes:
              web: {command: puma}
            """);

    @Test
    void secretsVariablesBeatTheFile() {
        SecretsConfig s = FILE.applyEnvironment(Map.of(
                "SUPERVISOR_SECRETS", "s3://b/secrets.yml",
                "SUPERVISOR_ENV_ROOT", "$.vault.prod",
                "SUPERVISOR_KEYS", "$.vault, $.other",
                "SUPERVISOR_CRYPTOR", "aws-kms",
                "SUPERVISOR_PLAINTEXT", "yes")).secrets();
        assertEquals("s3://b/secrets.yml", s.source());
        assertEquals("$.vault.prod", s.envRoot());
        assertEquals(List.of("$.vault", "$.other"), s.keys());
        assertEquals("aws-kms", s.cryptor());
        assertTrue(s.plaintext());
    }

    @Test
    void emptyVariablesCountAsUnset() {
        SupervisorConfig c = FILE.applyEnvironment(Map.of("SUPERVISOR_SECRETS", "", "SUPERVISOR_MODE", ""));
        assertEquals("secrets.yml", c.secrets().source());
        assertEquals(null, c.defaultMode());
    }

    @Test
    void verboseAndBudgetAreRead() {
        SupervisorConfig c = FILE.applyEnvironment(Map.of("SUPERVISOR_VERBOSE", "1", "SUPERVISOR_PLATFORM_STOP_TIMEOUT", "2m"));
        assertTrue(c.verbose());
        assertEquals(Duration.ofMinutes(2), c.effectiveStopBudget());
        assertFalse(FILE.applyEnvironment(Map.of()).verbose());
    }

    @Test
    void invalidBooleanNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> FILE.applyEnvironment(Map.of("SUPERVISOR_PLAINTEXT", "maybe")));
        assertEquals("SUPERVISOR_PLAINTEXT='maybe' is invalid: expected true or false (also 1/0, yes/no, on/off)", e.getMessage());
    }

    @Test
    void invalidDurationNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> FILE.applyEnvironment(Map.of("SUPERVISOR_STOP_TIMEOUT", "25")));
        assertTrue(e.getMessage().startsWith("SUPERVISOR_STOP_TIMEOUT: invalid duration '25'"), e.getMessage());
    }

    @Test
    void invalidCryptorNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> FILE.applyEnvironment(Map.of("SUPERVISOR_CRYPTOR", "rot13")));
        assertEquals("SUPERVISOR_CRYPTOR='rot13' is invalid: expected one of simple, aws-kms", e.getMessage());
    }
}
