package dev.supervisor.cli;

import dev.supervisor.process.SignalBlocking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child's final environment, in the documented order: the supervisor's environment, then the
 * secrets (which fill names not already set, unless --override-env), then the mode's {@code env:}.
 * Variables the supervisor itself put there for its JVM relaunch are never passed on.
 */
final class ChildEnvironment {
    private ChildEnvironment() {}

    static Map<String, String> compose(Map<String, String> withSecrets, Map<String, String> modeEnv) {
        Map<String, String> out = new LinkedHashMap<>(withSecrets);
        out.putAll(modeEnv);
        out.remove(SignalBlocking.INHERITED_IGNORED_VAR);
        out.remove(SignalBlocking.JVM_SR_SIGNUM_VAR);
        return out;
    }

    /** {@code NAME=value} in UTF-8, as execve takes them. */
    static List<byte[]> entries(Map<String, String> env) {
        List<byte[]> out = new ArrayList<>(env.size());
        env.forEach((name, value) -> out.add((name + "=" + value).getBytes(StandardCharsets.UTF_8)));
        return out;
    }
}
