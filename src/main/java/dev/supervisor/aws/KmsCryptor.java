package dev.supervisor.aws;

import dev.supervisor.ExitCode;
import dev.supervisor.vault.Cryptor;
import dev.supervisor.vault.VaultException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * yaml_vault's {@code aws-kms} cryptor (FORMAT.md §6): a value is {@code Base64.strict_encode64} of the KMS
 * ciphertext blob of {@code YAML.dump(str)}. Decrypting many values runs concurrently
 * ({@link AwsSettings#concurrency()}), once per distinct value, under one deadline ({@link AwsSettings#timeout()});
 * the SDK retries throttling and 5xx with full-jitter backoff up to {@link AwsSettings#maxAttempts()}.
 */
public final class KmsCryptor implements Cryptor {
    /** KMS Encrypt takes at most 4096 bytes of plaintext; here that is the YAML text. */
    static final int MAX_PLAINTEXT_BYTES = 4096;

    private final AwsServices aws;
    private final String keyId;

    KmsCryptor(AwsServices aws, String keyId) {
        this.aws = aws;
        this.keyId = keyId;
    }

    @Override
    public String encrypt(String plaintext) {
        if (keyId == null) {
            throw new VaultException(ExitCode.USAGE, "NoKeyId", "encrypting with aws-kms needs --aws-kms-key-id ID|ARN|alias/NAME");
        }
        byte[] yaml = KmsPlaintextYaml.encode(plaintext);
        try {
            if (yaml.length > MAX_PLAINTEXT_BYTES) {
                throw new VaultException("PlaintextTooLong", "the value is " + yaml.length
                        + " bytes as YAML; KMS Encrypt takes at most " + MAX_PLAINTEXT_BYTES);
            }
            var blob = aws.kms().encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArrayUnsafe(yaml)))
                    .ciphertextBlob();
            return Base64.getEncoder().encodeToString(blob.asByteArrayUnsafe());
        } catch (SdkException | CredentialsChain.CredentialsUnavailable e) {
            throw AwsFailures.classify(e, call("kms:Encrypt", keyId)).toVaultException();
        } catch (AwsException e) {
            throw asVault(e);
        } finally {
            Arrays.fill(yaml, (byte) 0);
        }
    }

    @Override
    public String decrypt(String encoded) {
        byte[] blob = decodeBase64(encoded);
        byte[] plaintext = null;
        try {
            plaintext = aws.kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob)))
                    .plaintext().asByteArrayUnsafe();
            return KmsPlaintextYaml.decode(plaintext);
        } catch (SdkException | CredentialsChain.CredentialsUnavailable e) {
            throw AwsFailures.classify(e, call("kms:Decrypt", null)).toVaultException();
        } catch (AwsException e) {
            throw asVault(e);
        } finally {
            if (plaintext != null) Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public List<String> decryptAll(List<String> encoded) {
        var batch = new ParallelDecryption(aws.settings().concurrency(), aws.settings().timeout());
        return batch.run(encoded, this::decrypt, () -> {
            try {
                return AwsFailures.timeout(call("kms:Decrypt", null), aws.settings().timeout()).toVaultException();
            } catch (AwsException e) {
                return asVault(e);
            }
        });
    }

    private static byte[] decodeBase64(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new VaultException("NotBase64", "not a KMS value: the value is empty");
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // Ruby's strict_decode64 rejects the same inputs (line breaks, stray characters).
            throw new VaultException("NotBase64", "not a KMS value: not strict Base64");
        }
    }

    private AwsFailures.Call call(String action, String resource) {
        return new AwsFailures.Call(action, resource, null, aws.kmsEndpoint(), aws.region());
    }

    private static VaultException asVault(AwsException e) {
        return new VaultException(e.exitCode(), e.reason(), e.detail(), null, null, -1, e.getCause());
    }
}
