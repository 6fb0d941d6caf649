package dev.supervisor.vault;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

/**
 * Makes the cryptor a {@link CryptorSpec} names. {@link #standard()} knows the passphrase cryptor only;
 * a build with AWS support wraps it: {@code spec -> spec.name().equals(CryptorSpec.AWS_KMS) ? kms(spec)
 * : CryptorFactory.standard().create(spec)}.
 */
@FunctionalInterface
public interface CryptorFactory {

    Cryptor create(CryptorSpec spec);

    static CryptorFactory standard() {
        return spec -> switch (spec.name()) {
            case CryptorSpec.SIMPLE -> new MessageEncryptorCryptor(spec.passphraseOptions().get());
            case CryptorSpec.AWS_KMS -> throw new SupervisorException(ExitCode.USAGE,
                    "aws-kms cryptor not available in this build");
            default -> throw new SupervisorException(ExitCode.USAGE,
                    spec.name() + " cryptor not available in this build");
        };
    }
}
