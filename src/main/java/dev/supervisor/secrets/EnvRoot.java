package dev.supervisor.secrets;

import dev.supervisor.vault.KeyPath;
import dev.supervisor.vault.VaultException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the secrets file that becomes the environment, written as a yaml_vault key path
 * ({@code $.production}); {@code ${VAR}} is taken from the environment first, so
 * {@code $.${RAILS_ENV}} follows the deployment. Wildcards and regexes are not allowed: one subtree.
 */
final class EnvRoot {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private EnvRoot() {}

    static String expand(String expression, Map<String, String> env) {
        Matcher m = VARIABLE.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null || value.isEmpty()) {
                throw new EnvironmentException("UnsetVariable", "env root '" + expression + "': the environment variable "
                        + m.group(1) + " is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The subtree at the expanded path; the path segments walked are returned through {@code walked}. */
    @SuppressWarnings("unchecked")
    static Object select(Object tree, String expression, Map<String, String> env, List<Object> walked) {
        String expanded = expand(expression, env);
        KeyPath path;
        try {
            path = KeyPath.parse(expanded);
        } catch (VaultException e) {
            throw new EnvironmentException("InvalidPathFormat", "env root '" + expression + "': " + e.getMessage());
        }
        Object at = tree;
        walked.add("$");
        for (KeyPath.Segment segment : path.segments().subList(1, path.segments().size())) {
            Object next;
            if (segment instanceof KeyPath.Key key && at instanceof Map<?, ?> map) {
                next = ((Map<String, Object>) map).get(key.text());
                walked.add(key.text());
            } else if (segment instanceof KeyPath.Symbol symbol && at instanceof Map<?, ?> map) {
                next = ((Map<String, Object>) map).get(symbol.inspect());
                walked.add(symbol.inspect());
            } else if (segment instanceof KeyPath.Index index && at instanceof List<?> list) {
                next = index.index() < list.size() ? list.get(index.index()) : null;
                walked.add(index.index());
            } else if (segment instanceof KeyPath.Wildcard || segment instanceof KeyPath.Regex) {
                throw new EnvironmentException("InvalidEnvRoot", "env root '" + expanded
                        + "' must name one subtree; wildcards and regexes are not allowed");
            } else {
                next = null;
            }
            if (next == null) {
                throw new EnvironmentException("EnvRootNotFound", "env root '" + expanded + "' is not in the secrets file");
            }
            at = next;
        }
        if (!(at instanceof Map)) {
            throw new EnvironmentException("InvalidEnvRoot", "env root '" + expanded + "' must select a mapping");
        }
        return at;
    }

    static List<Object> newPath() {
        return new ArrayList<>();
    }
}
