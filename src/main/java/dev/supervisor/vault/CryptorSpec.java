package dev.supervisor.vault;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * What {@code --cryptor} and its options asked for. The passphrase options are a supplier so that a
 * KMS cryptor never prompts for a passphrase it does not need.
 *
 * @param name normalized cryptor name: {@code simple}, {@code aws-kms} or {@code gcp-kms}
 */
public record CryptorSpec(String name, Supplier<MessageEncryptorOptions> passphraseOptions,
                          String awsKmsKeyId, String awsRegion, String awsProfile) {
    public static final String SIMPLE = "simple";
    public static final String AWS_KMS = "aws-kms";
    public static final String GCP_KMS = "gcp-kms";

    /** yaml_vault's names, with {@code kms} as its alias for aws-kms; case and '_' are forgiven. */
    public static String normalizeName(String name) {
        String n = name == null ? SIMPLE : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "", SIMPLE -> SIMPLE;
            case "kms", AWS_KMS -> AWS_KMS;
            case GCP_KMS -> GCP_KMS;
            default -> throw new VaultException(dev.supervisor.ExitCode.USAGE, "UnknownCryptor",
                    "unknown cryptor '" + name + "': use simple, aws-kms (alias kms) or gcp-kms");
        };
    }
}
