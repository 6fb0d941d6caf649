package dev.supervisor.vault;

import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts and decrypts single values, as yaml_vault's cryptors do. A value here is the scalar text
 * with any prefix/suffix already removed; the plaintext is the string yaml_vault would put in the
 * node (a tag, when present, folded in as {@code "<tag> <value>"}, see FORMAT.md §3.3).
 *
 * <p>Failures throw {@link VaultException} without a key path; the document layer, which knows the path,
 * adds it. Implementations must never put plaintext or key material into a message.
 */
public interface Cryptor {

    String encrypt(String plaintext);

    String decrypt(String encoded);

    /**
     * Decrypts many values. Result {@code i} belongs to input {@code i}. The default is serial;
     * a remote cryptor (KMS) overrides it to work concurrently. On failure the exception's
     * {@link VaultException#valueIndex()} tells which input failed first.
     */
    default List<String> decryptAll(List<String> encoded) {
        List<String> out = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            try {
                out.add(decrypt(encoded.get(i)));
            } catch (VaultException e) {
                throw e.atIndex(i);
            }
        }
        return out;
    }

    /** Encrypts many values; result {@code i} belongs to input {@code i}. */
    default List<String> encryptAll(List<String> plaintexts) {
        List<String> out = new ArrayList<>(plaintexts.size());
        for (int i = 0; i < plaintexts.size(); i++) {
            try {
                out.add(encrypt(plaintexts.get(i)));
            } catch (VaultException e) {
                throw e.atIndex(i);
            }
        }
        return out;
    }
}
