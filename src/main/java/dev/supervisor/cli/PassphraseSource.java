package dev.supervisor.cli;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import dev.supervisor.secrets.EnvironmentBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where passphrases come from, in yaml_vault's order: {@code --passphrase-file} if given, then
 * YAML_VAULT_PASSPHRASE / YAML_VAULT_SIGN_PASSPHRASE, then a prompt without echo when a terminal is
 * attached; otherwise a clear error instead of waiting on a pipe.
 */
public final class PassphraseSource {

    /** A terminal that can read a line without echoing it; null when there is none. */
    @FunctionalInterface
    public interface Terminal {
        char[] readSecret(String prompt);

        static Terminal system() {
            java.io.Console console = System.console();
            return console == null ? null : prompt -> console.readPassword("%s", prompt);
        }
    }

    private final Map<String, String> env;
    private final Terminal terminal;

    public PassphraseSource(Map<String, String> env, Terminal terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    public String passphrase(Path passphraseFile) {
        if (passphraseFile != null) return readFile(passphraseFile);
        String fromEnv = env.get(EnvironmentBuilder.PASSPHRASE_VARIABLE);
        if (fromEnv != null) return fromEnv;
        return prompt("Passphrase: ", "set " + EnvironmentBuilder.PASSPHRASE_VARIABLE
                + " or use --passphrase-file");
    }

    /** The sign passphrase, or null: from the environment, or prompted when {@code ask} is set. */
    public String signPassphrase(boolean ask) {
        String fromEnv = env.get(EnvironmentBuilder.SIGN_PASSPHRASE_VARIABLE);
        if (fromEnv != null) return fromEnv;
        return ask ? prompt("Sign passphrase: ", "set " + EnvironmentBuilder.SIGN_PASSPHRASE_VARIABLE) : null;
    }

    private String prompt(String prompt, String hint) {
        if (terminal == null) {
            throw new SupervisorException(ExitCode.USAGE, "no passphrase: " + hint + " (no terminal to ask on)");
        }
        char[] typed = terminal.readSecret(prompt);
        if (typed == null) throw new SupervisorException(ExitCode.USAGE, "no passphrase entered");
        String value = new String(typed);
        java.util.Arrays.fill(typed, '\0');
        return value;
    }

    /** The file's text without one trailing line break (editors add one). */
    private static String readFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
            if (text.endsWith("\n")) return text.substring(0, text.length() - 1);
            return text;
        } catch (IOException e) {
            throw new SupervisorException(ExitCode.CONFIG, "cannot read passphrase file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
