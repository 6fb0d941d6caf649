package dev.supervisor.cli;

import dev.supervisor.config.Durations;
import dev.supervisor.config.SecretsConfig;
import dev.supervisor.config.SecretsOverrides;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The secrets flags shared by {@code run}, {@code env} and {@code check}. Each one, when given,
 * overrides the same setting of the config file's {@code secrets:} section (flags win, see README).
 * yaml_vault's own option names where it has one.
 */
public final class SecretsOptions {
    @Option(names = "--secrets", paramLabel = "FILE|s3://BUCKET/KEY", order = 20,
            description = "The yaml_vault secrets file, local or in S3.")
    String source;

    @Option(names = {"-k", "--key"}, paramLabel = "PATHS", order = 21,
            description = "Key paths to decrypt, comma-separated or repeated (yaml_vault syntax; default $, everything).")
    List<String> keys = new ArrayList<>();

    @Option(names = "--env-root", paramLabel = "PATH", order = 22,
            description = "The subtree that becomes the environment, e.g. $.production or $.${RAILS_ENV} (default $).")
    String envRoot;

    @Option(names = "--override-env", order = 23,
            description = "Secrets replace variables already set in the environment (default: the environment wins).")
    Boolean overrideEnv;

    @Option(names = "--plaintext", order = 24,
            description = "The secrets file is not encrypted (local debugging); the same mapping rules apply.")
    Boolean plaintext;

    @Option(names = "--cryptor", paramLabel = "NAME", order = 25,
            description = "simple (passphrase, default) or aws-kms (alias kms).")
    String cryptor;

    @Option(names = "--prefix", order = 26, description = "Text before each encrypted value, e.g. 'ENC('.")
    String prefix;

    @Option(names = "--suffix", order = 27, description = "Text after each encrypted value, e.g. ')'.")
    String suffix;

    @Option(names = {"-s", "--salt"}, order = 28, description = "Key derivation salt (default: none, as yaml_vault).")
    String salt;

    @Option(names = "--cipher", order = 29, description = "aes-256-cbc (default) or aes-256-gcm.")
    String cipher;

    @Option(names = "--digest", order = 30, description = "HMAC digest for aes-256-cbc: SHA256 (default), SHA1, SHA512.")
    String digest;

    @Option(names = {"--use-sign-passphrase", "--use_sign_passphrase"}, order = 31,
            description = "Ask for a sign passphrase when YAML_VAULT_SIGN_PASSPHRASE is not set.")
    Boolean useSignPassphrase;

    @Option(names = "--passphrase-file", paramLabel = "FILE", order = 32,
            description = "Read the passphrase from FILE instead of YAML_VAULT_PASSPHRASE.")
    String passphraseFile;

    @Option(names = "--file", paramLabel = "s3://BUCKET/KEY=PATH[:MODE]", order = 33,
            description = "Download an S3 object to PATH before the app starts (repeatable; atomic, mode 0600 by default).")
    List<String> files = new ArrayList<>();

    @Option(names = "--file-kms", order = 34,
            description = "The --file objects are KMS-encrypted (a ciphertext blob or an envelope); decrypt them.")
    Boolean filesKms;

    @Option(names = "--aws-region", paramLabel = "REGION", order = 35,
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the SDK's profile chain).")
    String awsRegion;

    @Option(names = "--aws-endpoint", paramLabel = "URL", order = 36,
            description = "Endpoint for KMS and S3 (default: AWS_ENDPOINT_URL_KMS/_S3, AWS_ENDPOINT_URL, then AWS).")
    String awsEndpoint;

    @Option(names = {"--aws-kms-key-id", "--aws_kms_key_id"}, paramLabel = "KEY", order = 37,
            description = "KMS key id, ARN or alias/NAME (needed only to encrypt).")
    String awsKmsKeyId;

    @Option(names = "--kms-concurrency", paramLabel = "N", order = 38,
            description = "KMS Decrypt calls in flight at once (default 16).")
    Integer kmsConcurrency;

    @Option(names = "--secrets-timeout", paramLabel = "DURATION", order = 39,
            description = "Bound on the whole AWS phase, retries included (default 30s).")
    String timeout;

    /** {@code base} (from the config file and SUPERVISOR_* variables) with every given flag applied on top. */
    SecretsConfig applyTo(SecretsConfig base) {
        return new SecretsOverrides(source, cryptor, keys, envRoot, plaintext, overrideEnv, prefix, suffix, salt, cipher,
                digest, useSignPassphrase, passphraseFile, files, filesKms, awsRegion, awsEndpoint, awsKmsKeyId,
                kmsConcurrency, timeout == null ? null : Durations.parse(timeout)).over(base);
    }
}
