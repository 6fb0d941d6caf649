package dev.supervisor.bench;

import dev.supervisor.vault.Pbkdf2;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Derives the two keys yaml_vault's simple cryptor needs for an aes-256-cbc file with a sign passphrase,
 * exactly as {@code MessageEncryptorCryptor} asks for them: PBKDF2-HMAC-SHA1, empty salt, 65536 iterations
 * (ActiveSupport::KeyGenerator's default), 32 bytes for the cipher and 64 for the HMAC. Run as a whole
 * process against {@link DoNothing} by bench/run.sh; with {@code --print} it also prints the in-process
 * time of the derivation itself.
 */
public final class Pbkdf2Keys {
    private static final int ACTIVE_SUPPORT_ITERATIONS = 1 << 16;

    private Pbkdf2Keys() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        byte[] salt = new byte[0];
        List<byte[]> keys = Pbkdf2.deriveAll(List.of(
                new Pbkdf2.Request(Pbkdf2.Hash.SHA1, "bench-passphrase".getBytes(StandardCharsets.UTF_8), salt,
                        ACTIVE_SUPPORT_ITERATIONS, 32),
                new Pbkdf2.Request(Pbkdf2.Hash.SHA1, "bench-sign-passphrase".getBytes(StandardCharsets.UTF_8), salt,
                        ACTIVE_SUPPORT_ITERATIONS, 64)));
        long micros = (System.nanoTime() - start) / 1000;
        if (keys.get(0).length != 32 || keys.get(1).length != 64) throw new AssertionError("wrong key lengths");
        if (args.length > 0 && args[0].equals("--print")) {
            System.out.println("pbkdf2 in-process: " + micros / 1000.0 + " ms");
        }
    }
}
