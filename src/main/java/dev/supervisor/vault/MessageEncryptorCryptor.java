package dev.supervisor.vault;

import dev.supervisor.vault.MessageEncryptorOptions.CipherMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * yaml_vault's "simple" cryptor: ActiveSupport::MessageEncryptor with keys from
 * ActiveSupport::KeyGenerator (FORMAT.md §3–§4). Errors carry the ActiveSupport 6.1 exception name as
 * reason: InvalidSignature for anything the HMAC rejects, InvalidMessage for what fails after it.
 * Keys are derived once, on first use, and kept only in this instance.
 */
public final class MessageEncryptorCryptor implements Cryptor {
    static final int KEY_LENGTH = 32;
    static final int SIGN_KEY_LENGTH = 64;
    private static final int GCM_IV_LENGTH = 12;
    private static final int GCM_TAG_LENGTH = 16;
    private static final int CBC_IV_LENGTH = 16;
    private static final String SEPARATOR = "--";

    private final MessageEncryptorOptions options;
    private final SecureRandom random = new SecureRandom();
    private volatile Keys keys;

    private record Keys(byte[] encryption, byte[] hmac) {}

    public MessageEncryptorCryptor(MessageEncryptorOptions options) {
        this.options = options;
    }

    public MessageEncryptorOptions options() {
        return options;
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) keys = deriveKeys();
                k = keys;
            }
        }
        return k;
    }

    /** enc key = PBKDF2(passphrase, salt, 32); HMAC key = PBKDF2(sign passphrase, salt, 64) or the enc key. */
    private Keys deriveKeys() {
        byte[] salt = options.salt().getBytes(StandardCharsets.UTF_8);
        List<Pbkdf2.Request> requests = new ArrayList<>();
        requests.add(new Pbkdf2.Request(options.kdfHash(), options.passphrase().getBytes(StandardCharsets.UTF_8),
                salt, Pbkdf2Iterations.ACTIVE_SUPPORT, KEY_LENGTH));
        // The sign key is useless for GCM (no HMAC); ActiveSupport derives it anyway, we skip the work.
        boolean signed = options.signPassphrase() != null && options.cipher() == CipherMode.AES_256_CBC;
        if (signed) {
            requests.add(new Pbkdf2.Request(options.kdfHash(),
                    options.signPassphrase().getBytes(StandardCharsets.UTF_8), salt,
                    Pbkdf2Iterations.ACTIVE_SUPPORT, SIGN_KEY_LENGTH));
        }
        List<byte[]> derived = Pbkdf2.deriveAll(requests);
        return new Keys(derived.get(0), signed ? derived.get(1) : derived.get(0));
    }

    @Override
    public String encrypt(String plaintext) {
        byte[] serialized = RubyMarshal.dumpString(plaintext);
        try {
            return options.cipher() == CipherMode.AES_256_GCM ? encryptGcm(serialized) : encryptCbc(serialized);
        } finally {
            java.util.Arrays.fill(serialized, (byte) 0);
        }
    }

    @Override
    public String decrypt(String encoded) {
        byte[] serialized = options.cipher() == CipherMode.AES_256_GCM ? decryptGcm(encoded) : decryptCbc(encoded);
        try {
            return PlaintextDecoder.decode(serialized);
        } finally {
            java.util.Arrays.fill(serialized, (byte) 0); // the String is unavoidable; the byte copy is not
        }
    }

    private String encryptCbc(byte[] serialized) {
        byte[] iv = randomBytes(CBC_IV_LENGTH);
        byte[] ciphertext = runCipher("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE, new IvParameterSpec(iv), serialized);
        Base64.Encoder b64 = Base64.getEncoder();
        String inner = b64.encodeToString(ciphertext) + SEPARATOR + b64.encodeToString(iv);
        String outer = b64.encodeToString(inner.getBytes(StandardCharsets.US_ASCII));
        return outer + SEPARATOR + hmacHex(outer);
    }

    private String encryptGcm(byte[] serialized) {
        byte[] iv = randomBytes(GCM_IV_LENGTH);
        byte[] sealed = runCipher("AES/GCM/NoPadding", Cipher.ENCRYPT_MODE,
                new GCMParameterSpec(GCM_TAG_LENGTH * 8, iv), serialized);
        int ctLength = sealed.length - GCM_TAG_LENGTH;
        Base64.Encoder b64 = Base64.getEncoder();
        return b64.encodeToString(java.util.Arrays.copyOfRange(sealed, 0, ctLength)) + SEPARATOR
                + b64.encodeToString(iv) + SEPARATOR
                + b64.encodeToString(java.util.Arrays.copyOfRange(sealed, ctLength, sealed.length));
    }

    private byte[] decryptCbc(String message) {
        // ActiveSupport 6.1 MessageVerifier: data, digest = message.split("--"); both must be present.
        String[] fields = RubySplit.onDoubleDash(message);
        if (fields.length < 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
            throw invalidSignature("the value has no '--<hmac>' part (not encrypted, or truncated)");
        }
        String outer = fields[0];
        byte[] expected = hmacHex(outer).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, fields[1].getBytes(StandardCharsets.UTF_8))) {
            throw invalidSignature("HMAC mismatch: wrong passphrase, sign passphrase, salt or digest, or a tampered value");
        }
        byte[] innerBytes = StrictBase64.decode(outer);
        if (innerBytes == null) throw invalidSignature("the signed part is not valid Base64");
        String[] parts = RubySplit.onDoubleDash(new String(innerBytes, StandardCharsets.ISO_8859_1));
        if (parts.length < 2) throw invalidMessage("the encrypted part has no IV");
        byte[] ciphertext = StrictBase64.decode(parts[0]);
        byte[] iv = StrictBase64.decode(parts[1]);
        if (ciphertext == null || iv == null) throw invalidMessage("the encrypted part is not valid Base64");
        if (iv.length != CBC_IV_LENGTH) throw invalidMessage("the IV is not 16 bytes");
        return runCipher("AES/CBC/PKCS5Padding", Cipher.DECRYPT_MODE, new IvParameterSpec(iv), ciphertext);
    }

    private byte[] decryptGcm(String message) {
        String[] parts = RubySplit.onDoubleDash(message);
        if (parts.length != 3) throw invalidMessage("an aes-256-gcm value has three '--'-separated parts");
        byte[] ciphertext = StrictBase64.decode(parts[0]);
        byte[] iv = StrictBase64.decode(parts[1]);
        byte[] tag = StrictBase64.decode(parts[2]);
        if (ciphertext == null || iv == null || tag == null) throw invalidMessage("a part is not valid Base64");
        if (tag.length != GCM_TAG_LENGTH) throw invalidMessage("the authentication tag is not 16 bytes");
        if (iv.length != GCM_IV_LENGTH) throw invalidMessage("the IV is not 12 bytes");
        byte[] sealed = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        return runCipher("AES/GCM/NoPadding", Cipher.DECRYPT_MODE, new GCMParameterSpec(GCM_TAG_LENGTH * 8, iv), sealed);
    }

    private byte[] runCipher(String transformation, int mode, java.security.spec.AlgorithmParameterSpec params,
                             byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, new SecretKeySpec(keys().encryption(), "AES"), params);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw invalidMessage("authentication failed: wrong passphrase or salt, or a tampered value");
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw invalidMessage("cannot decrypt: wrong passphrase or salt, or a damaged value");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES not available: " + transformation, e);
        }
    }

    private String hmacHex(String outer) {
        try {
            String name = options.digest().macName;
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(keys().hmac(), name));
            return HexFormat.of().formatHex(mac.doFinal(outer.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC not available: " + options.digest(), e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    static VaultException invalidSignature(String why) {
        return new VaultException("InvalidSignature", why);
    }

    static VaultException invalidMessage(String why) {
        return new VaultException("InvalidMessage", why);
    }

    @Override
    public String toString() {
        return "MessageEncryptorCryptor" + options;
    }
}
