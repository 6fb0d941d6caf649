package dev.supervisor.cli;

import dev.supervisor.SupervisorException;
import dev.supervisor.config.ModeOverrides;
import dev.supervisor.config.ModeResolver;
import dev.supervisor.config.ResolvedMode;
import dev.supervisor.config.SecretsConfig;
import dev.supervisor.config.SupervisorConfig;
import dev.supervisor.process.ProcSelf;
import dev.supervisor.secrets.SecretFileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code supervisor check}: everything {@code run} would do before starting the app — read the config,
 * resolve every mode, decrypt every secret and map it to the environment — without printing a value or
 * starting anything. For CI and for a deployment's first step. Exit 0 only when all is well.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate the config, resolve every mode and prove every secret decrypts.", "",
                "Everything run does before starting the app: reads supervisor.yml, resolves every mode, decrypts "
                        + "every secret, maps it to a valid environment and downloads the secret files. Prints no "
                        + "value and starts nothing; exit 0 only when all is well."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile = new ConfigFileOption();

    @Option(names = "--no-secrets", order = 2,
            description = "Skip decrypting (e.g. where the passphrase or AWS credentials are not available).")
    boolean noSecrets;

    @Mixin
    SecretsOptions secrets;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = ProcSelf.environment();
        Path cwd = Path.of("").toAbsolutePath();
        SupervisorConfig config = configFile.load(env, cwd);
        out.println("config: " + (config.file() == null ? "none (no supervisor.yml)" : config.file()) + ": ok");
        int warnings = checkModes(config, env, out);
        SecretsConfig settings = secrets.applyTo(config.secrets());
        checkSecrets(settings, env, cwd, out);
        out.println("check: ok" + (warnings > 0 ? " (" + warnings + " warning(s))" : ""));
        out.flush();
        return 0;
    }

    private static int checkModes(SupervisorConfig config, Map<String, String> env, PrintWriter out) {
        int warnings = 0;
        for (String name : config.modes().keySet()) {
            ResolvedMode mode;
            try {
                mode = ModeResolver.resolve(config, name, List.of(), ModeOverrides.NONE, env);
            } catch (SupervisorException e) {
                if (e.getMessage().contains("has no command of its own")) {
                    out.println("mode " + name + ": ok (takes its command from the run arguments)");
                    continue;
                }
                throw e;
            }
            out.println("mode " + name + ": ok (" + mode.preset().id() + ", " + String.join(" ", mode.argv()) + ")");
            for (String w : mode.warnings()) {
                out.println("  warning: " + w);
                warnings++;
            }
        }
        return warnings;
    }

    private void checkSecrets(SecretsConfig settings, Map<String, String> env, Path cwd, PrintWriter out) {
        if (settings.source() == null) {
            out.println("secrets: none configured");
            return;
        }
        if (noSecrets) {
            out.println("secrets: " + settings.source() + ": not checked (--no-secrets)");
            return;
        }
        try (SecretsPreparation prep = new SecretsPreparation(settings, env, cwd, PassphraseSource.Terminal.system(),
                message -> System.err.println("supervisor: warning: " + message))) {
            Map<String, String> childEnv = prep.environment(env).environment();
            List<String> added = childEnv.keySet().stream().filter(name -> !env.containsKey(name)).sorted().toList();
            out.println("secrets: " + settings.source() + ": ok (" + added.size() + " variable(s) added: "
                    + String.join(", ", added) + ")");
            if (!settings.files().isEmpty()) {
                List<SecretFileWriter.Entry> fetched = prep.fetchFiles();
                fetched.forEach(entry -> java.util.Arrays.fill(entry.content(), (byte) 0));
                out.println("files: " + fetched.size() + " downloaded" + (settings.filesKms() ? " and decrypted" : "")
                        + ": ok (not written)");
            }
        }
    }
}
