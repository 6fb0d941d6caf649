package dev.supervisor.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption for secret files larger than KMS's 4096-byte Encrypt limit. The object is JSON:
 * <pre>
 * {"kms_envelope":1,
 *  "key":"&lt;Base64 of the KMS CiphertextBlob of a 32-byte data key (GenerateDataKey, AES_256)&gt;",
 *  "iv":"&lt;Base64 of 12 random bytes&gt;",
 *  "ciphertext":"&lt;Base64 of AES-256-GCM(data key, iv, aad = empty, file bytes) followed by the 16-byte tag&gt;"}
 * </pre>
 * Standard Base64 with padding. Decrypting needs only {@code kms:Decrypt} on the key.
 */
final class KmsEnvelope {
    static final int VERSION = 1;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The parts of a parsed envelope. */
    record Parts(byte[] encryptedKey, byte[] iv, byte[] ciphertext) {}

    private KmsEnvelope() {}

    /** True when the bytes look like an envelope (a JSON object naming kms_envelope). */
    static boolean looksLikeEnvelope(byte[] object) {
        int i = 0;
        while (i < object.length && Character.isWhitespace(object[i])) i++;
        return i < object.length && object[i] == '{'
                && new String(object, StandardCharsets.UTF_8).contains("\"kms_envelope\"");
    }

    static Parts parse(byte[] object) {
        try {
            JsonNode root = JSON.readTree(object);
            if (root == null || root.path("kms_envelope").asInt(-1) != VERSION) {
                throw new IllegalArgumentException("kms_envelope is not " + VERSION);
            }
            Base64.Decoder b64 = Base64.getDecoder();
            return new Parts(b64.decode(text(root, "key")), b64.decode(text(root, "iv")), b64.decode(text(root, "ciphertext")));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
    }

    static byte[] open(Parts parts, byte[] dataKey) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, parts.iv()));
        return gcm.doFinal(parts.ciphertext());
    }

    static byte[] seal(byte[] plaintext, byte[] dataKey, byte[] encryptedKey) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        byte[] ciphertext = gcm.doFinal(plaintext);
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = JSON.createObjectNode();
        root.put("kms_envelope", VERSION);
        root.put("key", b64.encodeToString(encryptedKey));
        root.put("iv", b64.encodeToString(iv));
        root.put("ciphertext", b64.encodeToString(ciphertext));
        Arrays.fill(dataKey, (byte) 0);
        return (root.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) throw new IllegalArgumentException("field " + field + " is missing");
        return n.asText();
    }
}
