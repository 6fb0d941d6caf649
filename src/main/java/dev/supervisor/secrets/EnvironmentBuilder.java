package dev.supervisor.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.vault.DisplayPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the child's environment from decrypted secrets (a {@code ValueTree}: maps, lists, strings,
 * nulls). Rules: nested keys are joined with '_' and upper-cased ({@code aws: {access_key_id: x}} →
 * {@code AWS_ACCESS_KEY_ID}), a Ruby-symbol key loses its ':'; a list becomes its JSON text; null leaves
 * the variable unset. Variables already set win unless {@code overrideEnv}. The passphrase variables are
 * always removed so the child never sees them.
 */
public final class EnvironmentBuilder {
    public static final String PASSPHRASE_VARIABLE = "YAML_VAULT_PASSPHRASE";
    public static final String SIGN_PASSPHRASE_VARIABLE = "YAML_VAULT_SIGN_PASSPHRASE";
    /** Linux MAX_ARG_STRLEN: one "NAME=value\0" string may not be longer (execve fails with E2BIG). */
    public static final int MAX_ENTRY_BYTES = 131072;
    /** Far below ARG_MAX (usually 2 MiB, shared with argv); larger environments are a mistake. */
    public static final int MAX_TOTAL_BYTES = 1024 * 1024;
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param envRoot key path of the subtree to export, {@code $} for all; may contain {@code ${VAR}}
     * @param overrideEnv secrets replace variables that are already set
     * @param passphraseVariables further variable names (besides the two YAML_VAULT_* ones) to remove
     */
    public record Options(String envRoot, boolean overrideEnv, Set<String> passphraseVariables) {
        public Options {
            envRoot = envRoot == null || envRoot.isBlank() ? "$" : envRoot.trim();
            passphraseVariables = passphraseVariables == null ? Set.of() : Set.copyOf(passphraseVariables);
        }

        public static Options defaults() {
            return new Options("$", false, Set.of());
        }
    }

    /**
     * @param environment the complete environment for the child
     * @param keptExisting names that were already set and kept (the secret was not applied); names only
     */
    public record Result(Map<String, String> environment, List<String> keptExisting) {}

    private EnvironmentBuilder() {}

    public static Result build(Object secrets, Map<String, String> base, Options options) {
        List<Object> rootPath = EnvRoot.newPath();
        Object subtree = EnvRoot.select(secrets, options.envRoot(), base, rootPath);
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        flatten(subtree, "", rootPath, variables, sources);

        Map<String, String> env = new LinkedHashMap<>(base);
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, String> v : variables.entrySet()) {
            if (env.containsKey(v.getKey()) && !options.overrideEnv()) {
                kept.add(v.getKey());
            } else {
                env.put(v.getKey(), v.getValue());
            }
        }
        Set<String> remove = new LinkedHashSet<>(options.passphraseVariables());
        remove.add(PASSPHRASE_VARIABLE);
        remove.add(SIGN_PASSPHRASE_VARIABLE);
        env.keySet().removeAll(remove);
        checkSizes(env, sources);
        return new Result(env, List.copyOf(kept));
    }

    private static void flatten(Object node, String prefix, List<Object> path, Map<String, String> variables,
                                Map<String, String> sources) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) node;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            path.add(entry.getKey());
            String key = entry.getKey().startsWith(":") ? entry.getKey().substring(1) : entry.getKey();
            String name = (prefix.isEmpty() ? "" : prefix + "_") + key.toUpperCase(Locale.ROOT);
            Object value = entry.getValue();
            if (value instanceof Map) {
                flatten(value, name, path, variables, sources);
            } else if (value != null) {
                define(name, value instanceof List ? toJson(value, path) : (String) value, path, variables, sources);
            }
            path.remove(path.size() - 1);
        }
    }

    private static void define(String name, String value, List<Object> path, Map<String, String> variables,
                               Map<String, String> sources) {
        String where = DisplayPath.of(path);
        if (!VALID_NAME.matcher(name).matches()) {
            throw new EnvironmentException("InvalidVariableName", where + " maps to '" + name
                    + "', which is not a valid environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
        }
        String earlier = sources.putIfAbsent(name, where);
        if (earlier != null) {
            throw new EnvironmentException("DuplicateVariable", earlier + " and " + where
                    + " both map to the environment variable " + name);
        }
        if (value.indexOf('\0') >= 0) {
            throw new EnvironmentException("InvalidValue", where + " (" + name
                    + ") contains a NUL character, which an environment variable cannot hold");
        }
        variables.put(name, value);
    }

    private static String toJson(Object list, List<Object> path) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new EnvironmentException("InvalidValue", DisplayPath.of(path) + " cannot be written as JSON");
        }
    }

    private static void checkSizes(Map<String, String> env, Map<String, String> sources) {
        long total = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            long bytes = e.getKey().getBytes(StandardCharsets.UTF_8).length + 1L
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length + 1L;
            if (bytes > MAX_ENTRY_BYTES) {
                String origin = sources.containsKey(e.getKey()) ? " (from " + sources.get(e.getKey()) + ")" : "";
                throw new EnvironmentException("ValueTooLarge", "the environment variable " + e.getKey() + origin
                        + " is " + bytes + " bytes; Linux accepts at most " + MAX_ENTRY_BYTES + " per variable");
            }
            total += bytes;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new EnvironmentException("EnvironmentTooLarge", "the environment would be " + total
                    + " bytes; the limit is " + MAX_TOTAL_BYTES);
        }
    }
}
