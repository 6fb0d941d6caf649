package dev.supervisor.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.vault.VaultDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentBuilderTest {
    private static Object tree(String yaml) {
        return VaultDocument.parse(yaml, "secrets.yml").values();
    }

    private static Map<String, String> build(String yaml, Map<String, String> base, String root) {
        return EnvironmentBuilder.build(tree(yaml), base, new EnvironmentBuilder.Options(root, false, Set.of())).environment();
    }

    @Test
    void nestedKeysAreJoinedWithUnderscoreAndUpperCased() {
        assertEquals(Map.of("AWS_ACCESS_KEY_ID", "x", "DATABASE_URL", "pg"),
                build("aws: {access_key_id: x}\ndatabase_url: pg\n", Map.of(), "$"));
    }

    @Test
    void envRootSelectsSubtreeWithVariableExpansion() {
        Map<String, String> env = build("production: {token: p}\nstaging: {token: s}\n", Map.of("RAILS_ENV", "staging"),
                "$.${RAILS_ENV}");
        assertEquals("s", env.get("TOKEN"));
    }

    @Test
    void unsetVariableInEnvRootIsAnError() {
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> build("a: b\n", Map.of(), "$.${RAILS_ENV}"));
        assertTrue(e.getMessage().contains("RAILS_ENV"), e.getMessage());
    }

    @Test
    void missingEnvRootIsAnError() {
        assertThrows(EnvironmentException.class, () -> build("a: b\n", Map.of(), "$.production"));
    }

    @Test
    void symbolKeysLoseTheirColon() {
        assertEquals(Map.of("DATABASE_PASSWORD", "s"), build(":database:\n  :password: s\n", Map.of(), "$"));
    }

    @Test
    void sequencesBecomeJsonAndNullsStayUnset() {
        Map<String, String> env = build("hosts: [a, {b: c}, ~]\nempty: ~\nnothing:\n", Map.of(), "$");
        assertEquals(Map.of("HOSTS", "[\"a\",{\"b\":\"c\"},null]"), env);
    }

    @Test
    void scalarsKeepTheirTextAsWritten() {
        assertEquals(Map.of("PORT", "5432", "SSL", "true", "RATIO", "1.0e+3"),
                build("port: 5432\nssl: true\nratio: 1.0e+3\n", Map.of(), "$"));
    }

    @Test
    void invalidNameIsAnErrorNamingThePath() {
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> build("\"api.v1\": x\n", Map.of(), "$"));
        assertTrue(e.getMessage().contains("$[\"api.v1\"]"), e.getMessage());
        assertEquals("InvalidVariableName", e.reason());
    }

    @Test
    void twoPathsForOneNameAreAnErrorNamingBoth() {
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> build("aws: {key: a}\naws_key: b\n", Map.of(), "$"));
        assertTrue(e.getMessage().contains("$.aws.key") && e.getMessage().contains("$.aws_key"), e.getMessage());
        assertFalse(e.getMessage().contains(": a") || e.getMessage().contains(" b "), e.getMessage());
    }

    @Test
    void existingVariablesWinAndAreReportedByName() {
        EnvironmentBuilder.Result r = EnvironmentBuilder.build(tree("token: secret\nother: o\n"), Map.of("TOKEN", "mine"),
                EnvironmentBuilder.Options.defaults());
        assertEquals("mine", r.environment().get("TOKEN"));
        assertEquals(List.of("TOKEN"), r.keptExisting());
    }

    @Test
    void overrideEnvLetsSecretsWin() {
        EnvironmentBuilder.Result r = EnvironmentBuilder.build(tree("token: secret\n"), Map.of("TOKEN", "mine"),
                new EnvironmentBuilder.Options("$", true, Set.of()));
        assertEquals("secret", r.environment().get("TOKEN"));
        assertEquals(List.of(), r.keptExisting());
    }

    @Test
    void passphraseVariablesAreRemoved() {
        Map<String, String> env = EnvironmentBuilder.build(tree("a: b\n"),
                Map.of("YAML_VAULT_PASSPHRASE", "p", "YAML_VAULT_SIGN_PASSPHRASE", "s", "MY_PASS", "m", "KEEP", "k"),
                new EnvironmentBuilder.Options("$", false, Set.of("MY_PASS"))).environment();
        assertEquals(Map.of("A", "b", "KEEP", "k"), env);
    }

    @Test
    void nulCharacterIsRejectedWithoutShowingTheValue() {
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> build("t: \"sec\\0ret\"\n", Map.of(), "$"));
        assertTrue(e.getMessage().contains("$.t") && !e.getMessage().contains("sec"), e.getMessage());
    }

    @Test
    void valueOverLinuxArgumentLimitIsRejected() {
        String big = "x".repeat(EnvironmentBuilder.MAX_ENTRY_BYTES);
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> build("big: " + big + "\n", Map.of(), "$"));
        assertEquals("ValueTooLarge", e.reason());
    }

    @Test
    void environmentOverTotalLimitIsRejected() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 12; i++) yaml.append("v").append(i).append(": ").append("x".repeat(100_000)).append('\n');
        assertEquals("EnvironmentTooLarge",
                assertThrows(EnvironmentException.class, () -> build(yaml.toString(), Map.of(), "$")).reason());
    }
}
