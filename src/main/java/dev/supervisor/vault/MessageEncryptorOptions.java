package dev.supervisor.vault;

import dev.supervisor.ExitCode;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the passphrase cryptor ("simple"), named as yaml_vault's CLI names them. Defaults are
 * yaml_vault's: empty salt, aes-256-cbc, SHA256 HMAC, PBKDF2-HMAC-SHA1 (FORMAT.md §3.1).
 * {@link #toString()} never shows the passphrases.
 */
public record MessageEncryptorOptions(String passphrase, String signPassphrase, String salt,
                                      CipherMode cipher, Digest digest, Pbkdf2.Hash kdfHash) {

    /** The two ciphers ActiveSupport::MessageEncryptor supports in yaml_vault. */
    public enum CipherMode {
        AES_256_CBC("aes-256-cbc"), AES_256_GCM("aes-256-gcm");

        private final String rubyName;

        CipherMode(String rubyName) {
            this.rubyName = rubyName;
        }

        public String rubyName() {
            return rubyName;
        }

        public static CipherMode parse(String name) {
            for (CipherMode mode : values()) {
                if (mode.rubyName.equalsIgnoreCase(name.trim())) return mode;
            }
            throw new VaultException(ExitCode.USAGE, "UnsupportedCipher",
                    "unsupported cipher '" + name + "': use aes-256-cbc or aes-256-gcm");
        }
    }

    /** HMAC digests for CBC messages (OpenSSL::Digest names). The hex length tells them apart. */
    public enum Digest {
        SHA1("HmacSHA1"), SHA224("HmacSHA224"), SHA256("HmacSHA256"), SHA384("HmacSHA384"), SHA512("HmacSHA512");

        final String macName;

        Digest(String macName) {
            this.macName = macName;
        }

        public static Digest parse(String name) {
            String normalized = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
            for (Digest digest : values()) {
                if (digest.name().equals(normalized)) return digest;
            }
            throw new VaultException(ExitCode.USAGE, "UnsupportedDigest",
                    "unsupported digest '" + name + "': use SHA1, SHA256 or SHA512");
        }
    }

    public MessageEncryptorOptions {
        Objects.requireNonNull(passphrase, "passphrase");
        salt = salt == null ? "" : salt; // yaml_vault calls salt.to_s, so "no salt" is the empty string
        cipher = cipher == null ? CipherMode.AES_256_CBC : cipher;
        digest = digest == null ? Digest.SHA256 : digest;
        kdfHash = kdfHash == null ? Pbkdf2.Hash.SHA1 : kdfHash;
    }

    /** yaml_vault's defaults with the given passphrase. */
    public static MessageEncryptorOptions of(String passphrase) {
        return new MessageEncryptorOptions(passphrase, null, "", null, null, null);
    }

    public MessageEncryptorOptions withSignPassphrase(String value) {
        return new MessageEncryptorOptions(passphrase, value, salt, cipher, digest, kdfHash);
    }

    public MessageEncryptorOptions withSalt(String value) {
        return new MessageEncryptorOptions(passphrase, signPassphrase, value, cipher, digest, kdfHash);
    }

    public MessageEncryptorOptions withCipher(CipherMode value) {
        return new MessageEncryptorOptions(passphrase, signPassphrase, salt, value, digest, kdfHash);
    }

    public MessageEncryptorOptions withDigest(Digest value) {
        return new MessageEncryptorOptions(passphrase, signPassphrase, salt, cipher, value, kdfHash);
    }

    public MessageEncryptorOptions withKdfHash(Pbkdf2.Hash value) {
        return new MessageEncryptorOptions(passphrase, signPassphrase, salt, cipher, digest, value);
    }

    @Override
    public String toString() {
        return "MessageEncryptorOptions[cipher=" + cipher.rubyName() + ", digest=" + digest
                + ", kdf=PBKDF2-HMAC-" + kdfHash + ", salt=" + (salt.isEmpty() ? "none" : "set")
                + ", signPassphrase=" + (signPassphrase == null ? "none" : "set") + "]";
    }
}
