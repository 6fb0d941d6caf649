package dev.supervisor.config;

import java.time.Duration;
import java.util.List;

/**
 * Secrets settings that beat the config file: from command-line flags (the CLI) or {@code SUPERVISOR_*}
 * variables ({@link EnvironmentSettings}). Null (or an empty list) means "not given".
 */
public record SecretsOverrides(String source, String cryptor, List<String> keys, String envRoot, Boolean plaintext,
                               Boolean overrideEnv, String prefix, String suffix, String salt, String cipher,
                               String digest, Boolean useSignPassphrase, String passphraseFile, List<String> files,
                               Boolean filesKms, String awsRegion, String awsEndpoint, String awsKmsKeyId,
                               Integer kmsConcurrency, Duration timeout) {
    public static final SecretsOverrides NONE = new SecretsOverrides(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null);

    /** These settings over {@code lower}: every one given here wins. */
    public SecretsConfig over(SecretsConfig lower) {
        return new SecretsConfig(
                or(source, lower.source()),
                or(cryptor, lower.cryptor()),
                keys == null || keys.isEmpty() ? lower.keys() : keys,
                or(envRoot, lower.envRoot()),
                or(plaintext, lower.plaintext()),
                or(overrideEnv, lower.overrideEnv()),
                or(prefix, lower.prefix()),
                or(suffix, lower.suffix()),
                or(salt, lower.salt()),
                or(cipher, lower.cipher()),
                or(digest, lower.digest()),
                or(useSignPassphrase, lower.useSignPassphrase()),
                or(passphraseFile, lower.passphraseFile()),
                files == null || files.isEmpty() ? lower.files() : files,
                or(filesKms, lower.filesKms()),
                or(awsRegion, lower.awsRegion()),
                or(awsEndpoint, lower.awsEndpoint()),
                or(awsKmsKeyId, lower.awsKmsKeyId()),
                or(kmsConcurrency, lower.kmsConcurrency()),
                or(timeout, lower.timeout()));
    }

    private static <T> T or(T given, T lower) {
        return given != null ? given : lower;
    }
}
