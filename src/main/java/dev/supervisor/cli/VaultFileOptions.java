package dev.supervisor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by {@code vault decrypt} and {@code vault encrypt}, named as yaml_vault names them. */
public final class VaultFileOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML file to read.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the result to OUT (atomically, mode 0600) instead of standard output.")
    Path output;

    @Option(names = {"-k", "--key"}, paramLabel = "PATHS",
            description = {"Key paths to process, comma-separated or repeated (default: $, the whole file).",
                    "Syntax: $.production.aws, $.*.password, $./\\Adb_/, $.servers.[0], $.:symbol_key, "
                            + "$.\"key.with.dots\"."})
    List<String> keys = new ArrayList<>();

    @Option(names = "--cryptor", paramLabel = "NAME", defaultValue = "simple",
            description = "simple (passphrase, default) or aws-kms (alias kms).")
    String cryptor;

    @Option(names = "--prefix", description = "Text written before each encrypted value, e.g. 'ENC('.")
    String prefix;

    @Option(names = "--suffix", description = "Text written after each encrypted value, e.g. ')'.")
    String suffix;

    @Option(names = {"-s", "--salt"}, description = "Salt for the key derivation (default: none).")
    String salt;

    @Option(names = "--cipher", defaultValue = "aes-256-cbc",
            description = "aes-256-cbc (default) or aes-256-gcm.")
    String cipher;

    @Option(names = "--digest", defaultValue = "SHA256",
            description = "HMAC digest for aes-256-cbc: SHA256 (default), SHA1 or SHA512.")
    String digest;

    @Option(names = "--kdf-digest", defaultValue = "SHA1",
            description = "Key derivation hash: SHA1 (yaml_vault) or SHA256 (Rails apps with load_defaults 7.0+).")
    String kdfDigest;

    @Option(names = {"--use-sign-passphrase", "--use_sign_passphrase"},
            description = "Ask for a sign passphrase when YAML_VAULT_SIGN_PASSPHRASE is not set.")
    boolean useSignPassphrase;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from FILE instead of YAML_VAULT_PASSPHRASE or a prompt.")
    Path passphraseFile;

    @Option(names = {"--aws-kms-key-id", "--aws_kms_key_id"}, paramLabel = "KEY",
            description = "KMS key id or alias for encrypting with --cryptor aws-kms.")
    String awsKmsKeyId;

    @Option(names = {"--aws-region", "--aws_region"}, description = "AWS region for --cryptor aws-kms.")
    String awsRegion;
}
