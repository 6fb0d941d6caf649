package dev.supervisor.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VariableExpansionTest {
    private static String expand(String s, Map<String, String> env) throws VariableExpansion.Failure {
        return VariableExpansion.expand(s, env);
    }

    @Test
    void bracedVariablesAreReplaced() throws Exception {
        assertEquals("a-1-b", expand("a-${X}-b", Map.of("X", "1")));
    }

    @Test
    void defaultAppliesWhenUnsetOrEmpty() throws Exception {
        assertEquals("d", expand("${X:-d}", Map.of()));
        assertEquals("d", expand("${X:-d}", Map.of("X", "")));
        assertEquals("v", expand("${X:-d}", Map.of("X", "v")));
        assertEquals("", expand("${X:-}", Map.of()));
    }

    @Test
    void doubleDollarIsALiteralDollar() throws Exception {
        assertEquals("$X and $", expand("$$X and $", Map.of()));
        assertEquals("price: 5 $ each", expand("price: 5 $ each", Map.of()));
    }

    @Test
    void emptySetVariableIsNotAnError() throws Exception {
        assertEquals("", expand("${X}", Map.of("X", "")));
    }

    @Test
    void unsetVariableNamesIt() {
        assertEquals("variable X is not set (use ${X:-default} for a fallback)",
                assertThrows(VariableExpansion.Failure.class, () -> expand("${X}", Map.of())).getMessage());
    }

    @Test
    void bareDollarNameAsksForBraces() {
        assertEquals("write ${HOME} for the variable HOME (or $$HOME for a literal $)",
                assertThrows(VariableExpansion.Failure.class, () -> expand("$HOME/x", Map.of("HOME", "/h"))).getMessage());
    }

    @Test
    void malformedReferencesAreErrors() {
        assertThrows(VariableExpansion.Failure.class, () -> expand("${X", Map.of()));
        assertThrows(VariableExpansion.Failure.class, () -> expand("${1X}", Map.of()));
        assertThrows(VariableExpansion.Failure.class, () -> expand("${}", Map.of()));
    }

    @Test
    void failureMessagesNeverContainValues() {
        Exception e = assertThrows(VariableExpansion.Failure.class, () -> expand("${SECRET} ${MISSING}", Map.of("SECRET", "hunter2")));
        assertEquals(false, e.getMessage().contains("hunter2"));
    }
}
