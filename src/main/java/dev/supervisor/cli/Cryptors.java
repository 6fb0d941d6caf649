package dev.supervisor.cli;

import dev.supervisor.vault.Cryptor;
import dev.supervisor.vault.CryptorFactory;
import dev.supervisor.vault.CryptorSpec;

/** The command line's cryptors: yaml_vault's passphrase cryptor, and KMS through {@link AwsAccess}. */
final class Cryptors implements CryptorFactory {
    private final AwsAccess aws;

    Cryptors(AwsAccess aws) {
        this.aws = aws;
    }

    /** For {@code vault encrypt|decrypt}: AWS settings from the environment and the command's --aws-region. */
    static CryptorFactory forVaultCommand(java.util.Map<String, String> env) {
        return spec -> new Cryptors(new AwsAccess(dev.supervisor.aws.AwsSettings.fromEnvironment(env)
                .withRegion(spec.awsRegion()))).create(spec);
    }

    @Override
    public Cryptor create(CryptorSpec spec) {
        if (spec.name().equals(CryptorSpec.AWS_KMS)) return aws.services().kmsCryptor(spec.awsKmsKeyId());
        return CryptorFactory.standard().create(spec);
    }
}
