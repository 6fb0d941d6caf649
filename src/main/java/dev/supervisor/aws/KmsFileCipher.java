package dev.supervisor.aws;

import dev.supervisor.ExitCode;
import dev.supervisor.secrets.S3Location;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Contents of {@code --file-kms} objects. An object holds either a KMS ciphertext blob (raw bytes, or its
 * Base64 text as {@code aws kms encrypt --output text} prints it) for files up to 4096 bytes, or a
 * {@link KmsEnvelope} for larger ones. {@link #encrypt} writes whichever fits, for tests and for the docs'
 * "how to upload" recipe.
 */
public final class KmsFileCipher {
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    private final AwsServices aws;
    private final String keyId;

    KmsFileCipher(AwsServices aws, String keyId) {
        this.aws = aws;
        this.keyId = keyId;
    }

    /** Plaintext of an object read from {@code from}. Errors name the URL, never the contents. */
    public byte[] decrypt(byte[] object, S3Location from) {
        try {
            if (KmsEnvelope.looksLikeEnvelope(object)) return openEnvelope(object, from);
            return kmsDecrypt(blobOf(object), from);
        } catch (IllegalArgumentException e) {
            throw new AwsException(ExitCode.CONFIG, "NotKmsObject", from + " is not a KMS blob or envelope: "
                    + e.getMessage(), null);
        }
    }

    /** A direct KMS blob when the content fits KMS Encrypt, otherwise an envelope. */
    public byte[] encrypt(byte[] plaintext) {
        if (keyId == null) throw new AwsException(ExitCode.USAGE, "NoKeyId", "encrypting needs a KMS key id", null);
        AwsFailures.Call call = call("kms:Encrypt", keyId, null);
        try {
            if (plaintext.length <= KmsCryptor.MAX_PLAINTEXT_BYTES) {
                return aws.kms().encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext)))
                        .ciphertextBlob().asByteArray();
            }
            var dataKey = aws.kms().generateDataKey(r -> r.keyId(keyId).keySpec("AES_256"));
            return KmsEnvelope.seal(plaintext, dataKey.plaintext().asByteArray(), dataKey.ciphertextBlob().asByteArray());
        } catch (SdkException | CredentialsChain.CredentialsUnavailable e) {
            throw AwsFailures.classify(e, call).toException();
        } catch (GeneralSecurityException e) {
            throw new AwsException(ExitCode.INTERNAL, "Crypto", "AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private byte[] openEnvelope(byte[] object, S3Location from) {
        KmsEnvelope.Parts parts = KmsEnvelope.parse(object);
        byte[] dataKey = kmsDecrypt(parts.encryptedKey(), from);
        try {
            return KmsEnvelope.open(parts, dataKey);
        } catch (GeneralSecurityException e) {
            throw new AwsException(ExitCode.CONFIG, "InvalidEnvelope", from
                    + ": the envelope does not authenticate (tampered, or iv/ciphertext from another file)", null);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] kmsDecrypt(byte[] blob, S3Location from) {
        try {
            return aws.kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob))).plaintext().asByteArray();
        } catch (SdkException | CredentialsChain.CredentialsUnavailable e) {
            AwsFailures.Failure f = AwsFailures.classify(e, call("kms:Decrypt", null, from.toString()));
            throw new AwsException(f.exitCode(), f.reason(), from + ": " + f.message(), e);
        }
    }

    private static byte[] blobOf(byte[] object) {
        String text = new String(object, StandardCharsets.US_ASCII);
        if (object.length > 0 && BASE64_TEXT.matcher(text).matches()) {
            return Base64.getMimeDecoder().decode(text.strip());
        }
        if (object.length == 0) throw new IllegalArgumentException("the object is empty");
        return object;
    }

    private AwsFailures.Call call(String action, String resource, String subject) {
        return new AwsFailures.Call(action, resource, subject, aws.kmsEndpoint(), aws.region());
    }
}
