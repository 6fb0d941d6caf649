package dev.supervisor.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code secrets:} section. Null strings mean "not given": the vault/secrets packages apply yaml_vault's
 * own defaults. {@code source} is kept as written (a path, relative to the working directory, or
 * {@code s3://bucket/key}); {@code files} entries ({@code s3://b/k=/path[:mode]}) are parsed by the secrets package.
 */
public record SecretsConfig(String source, String cryptor, List<String> keys, String envRoot, boolean plaintext,
                            boolean overrideEnv, String prefix, String suffix, String salt, String cipher,
                            String digest, boolean useSignPassphrase, String passphraseFile, List<String> files,
                            boolean filesKms, String awsRegion, String awsEndpoint, String awsKmsKeyId,
                            Integer kmsConcurrency, Duration timeout) {
    public static final String CRYPTOR_SIMPLE = "simple";
    public static final String CRYPTOR_AWS_KMS = "aws-kms";
    public static final List<String> CRYPTORS = List.of(CRYPTOR_SIMPLE, CRYPTOR_AWS_KMS);

    /** No secrets section: nothing to decrypt. */
    public static final SecretsConfig NONE = new SecretsConfig(null, CRYPTOR_SIMPLE, List.of(), null, false, false,
            null, null, null, null, null, false, null, List.of(), false, null, null, null, null, null);

    public SecretsConfig {
        keys = keys == null ? List.of() : List.copyOf(keys);
        files = files == null ? List.of() : List.copyOf(files);
        if (cryptor == null) cryptor = CRYPTOR_SIMPLE;
    }

    /** toString names which settings are present, never their values: salt and prefixes are key material. */
    @Override
    public String toString() {
        return "SecretsConfig[source=" + source + ", cryptor=" + cryptor + ", keys=" + keys + ", envRoot=" + envRoot
                + ", plaintext=" + plaintext + ", overrideEnv=" + overrideEnv + ", salt=" + (salt == null ? "unset" : "set")
                + ", files=" + files.size() + ", awsRegion=" + awsRegion + "]";
    }
}
