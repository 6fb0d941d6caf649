package dev.supervisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import dev.supervisor.config.ModeOverrides;
import dev.supervisor.config.ModeResolver;
import dev.supervisor.config.SupervisorConfig;
import dev.supervisor.process.ProcSelf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code supervisor env}: the environment {@code run} would give the child, for checking a deployment
 * without starting anything. Values are masked unless {@code --show-values}.
 */
@Command(name = "env", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the environment the app would get (values masked).", "",
                "The current environment, the decrypted secrets and the mode's env, as run would compose them. "
                        + "Values are masked (NAME=****) unless --show-values."})
public final class EnvCommand implements Callable<Integer> {
    static final String MASK = "****";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile = new ConfigFileOption();

    @Option(names = "--mode", paramLabel = "NAME", order = 2, description = "Add this mode's env: to the output.")
    String mode;

    @Option(names = "--show-values", order = 3, description = "Print the values themselves. Careful: they are secrets.")
    boolean showValues;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "dotenv", order = 4,
            description = "dotenv (NAME=value, default), shell (export NAME='value') or json.")
    String format;

    @Option(names = "--only-added", order = 5,
            description = "Print only what the secrets and the mode add or change, not the inherited environment.")
    boolean onlyAdded;

    @Mixin
    SecretsOptions secrets;

    @Override
    public Integer call() {
        Map<String, String> env = ProcSelf.environment();
        Path cwd = Path.of("").toAbsolutePath();
        SupervisorConfig config = configFile.load(env, cwd);
        Map<String, String> modeEnv = mode == null ? Map.of()
                : ModeResolver.resolve(config, mode, List.of(), ModeOverrides.NONE, env).extraEnv();
        Map<String, String> childEnv;
        try (SecretsPreparation prep = new SecretsPreparation(secrets.applyTo(config.secrets()), env, cwd,
                PassphraseSource.Terminal.system(),
                message -> System.err.println("supervisor: warning: " + message))) {
            childEnv = ChildEnvironment.compose(prep.environment(env).environment(), modeEnv);
        }
        Map<String, String> shown = new TreeMap<>();
        childEnv.forEach((name, value) -> {
            if (!onlyAdded || !value.equals(env.get(name))) shown.put(name, showValues ? value : MASK);
        });
        print(shown);
        return 0;
    }

    private void print(Map<String, String> vars) {
        PrintWriter out = spec.commandLine().getOut();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "dotenv" -> vars.forEach((k, v) -> out.println(k + "=" + dotenvValue(v)));
            case "shell" -> vars.forEach((k, v) -> out.println("export " + k + "=" + shellQuote(v)));
            case "json" -> out.println(json(vars));
            default -> throw new SupervisorException(ExitCode.USAGE, "--format must be dotenv, shell or json");
        }
        out.flush();
    }

    /** Plain when safe, else double-quoted with the escapes dotenv readers (docker --env-file aside) understand. */
    static String dotenvValue(String v) {
        if (v.matches("[A-Za-z0-9_./:@%+,=*-]*")) return v;
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("$", "\\$") + '"';
    }

    static String shellQuote(String v) {
        return "'" + v.replace("'", "'\\''") + "'";
    }

    private static String json(Map<String, String> vars) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(new LinkedHashMap<>(vars));
        } catch (JsonProcessingException e) {
            throw new SupervisorException(ExitCode.INTERNAL, "cannot write JSON: " + e.getOriginalMessage());
        }
    }
}
