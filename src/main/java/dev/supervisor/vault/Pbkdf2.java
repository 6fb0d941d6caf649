package dev.supervisor.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018) as ActiveSupport::KeyGenerator runs it: 65536 iterations, salt possibly empty.
 * Written here because {@code PBEKeySpec} rejects an empty salt, which is yaml_vault's default.
 *
 * <p>Speed matters (it runs before every container start): for HMAC-SHA1 the inner and outer pad states
 * are hashed once and each iteration is exactly two SHA-1 compressions on ints; the output blocks of all
 * requested keys are independent and are computed in parallel.
 */
public final class Pbkdf2 {

    /** The HMAC behind PBKDF2. yaml_vault uses SHA1; Rails apps with {@code load_defaults 7.0} use SHA256. */
    public enum Hash {
        SHA1("HmacSHA1", 20), SHA256("HmacSHA256", 32);

        final String macName;
        final int length;

        Hash(String macName, int length) {
            this.macName = macName;
            this.length = length;
        }
    }

    /** One key to derive. */
    public record Request(Hash hash, byte[] password, byte[] salt, int iterations, int length) {}

    private Pbkdf2() {}

    public static byte[] derive(Hash hash, byte[] password, byte[] salt, int iterations, int length) {
        return deriveAll(List.of(new Request(hash, password, salt, iterations, length))).get(0);
    }

    /** Derives several keys at once, spreading all their output blocks over the available cores. */
    public static List<byte[]> deriveAll(List<Request> requests) {
        List<int[]> tasks = new ArrayList<>(); // {request index, block number (1-based)}
        List<byte[]> results = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            Request req = requests.get(r);
            if (req.length() <= 0 || req.iterations() <= 0) {
                throw new IllegalArgumentException("PBKDF2 length and iterations must be positive");
            }
            results.add(new byte[req.length()]);
            int blocks = (req.length() + req.hash().length - 1) / req.hash().length;
            for (int b = 1; b <= blocks; b++) tasks.add(new int[] {r, b});
        }
        IntStream.range(0, tasks.size()).parallel().forEach(t -> {
            int[] task = tasks.get(t);
            Request req = requests.get(task[0]);
            byte[] block = block(req, task[1]);
            int offset = (task[1] - 1) * req.hash().length;
            System.arraycopy(block, 0, results.get(task[0]), offset, Math.min(block.length, req.length() - offset));
        });
        return results;
    }

    private static byte[] block(Request req, int index) {
        try {
            Mac mac = Mac.getInstance(req.hash().macName);
            // SecretKeySpec rejects an empty key; HMAC pads the key with zeros, so one zero byte is equivalent.
            byte[] key = req.password().length == 0 ? new byte[1] : req.password();
            mac.init(new SecretKeySpec(key, req.hash().macName));
            mac.update(req.salt());
            mac.update(ByteBuffer.allocate(4).putInt(index).array());
            byte[] first = mac.doFinal();
            if (req.hash() == Hash.SHA1) {
                return new Sha1Hmac(req.password()).iterate(first, req.iterations());
            }
            byte[] u = first;
            byte[] t = first.clone();
            for (int i = 1; i < req.iterations(); i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) t[j] ^= u[j];
            }
            return t;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC not available: " + req.hash(), e);
        }
    }

    /** HMAC-SHA1 over 20-byte messages with the pad states precomputed: two compressions per call. */
    static final class Sha1Hmac {
        private final int[] innerState;
        private final int[] outerState;

        Sha1Hmac(byte[] password) throws GeneralSecurityException {
            byte[] key = password.length > 64 ? MessageDigest.getInstance("SHA-1").digest(password) : password;
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            for (int i = 0; i < 64; i++) {
                byte k = i < key.length ? key[i] : 0;
                ipad[i] = (byte) (k ^ 0x36);
                opad[i] = (byte) (k ^ 0x5c);
            }
            innerState = initialState();
            compress(innerState, words(ipad, 16), new int[80]);
            outerState = initialState();
            compress(outerState, words(opad, 16), new int[80]);
        }

        /** Returns U1 xor U2 xor ... xor Uc, starting from U1 = {@code first}. */
        byte[] iterate(byte[] first, int iterations) {
            int[] u = words(first, 5);
            int[] acc = u.clone();
            int[] block = new int[16];
            int[] state = new int[5];
            int[] schedule = new int[80];
            for (int i = 1; i < iterations; i++) {
                hmacOf(u, block, state, schedule);
                for (int j = 0; j < 5; j++) acc[j] ^= u[j];
            }
            byte[] out = new byte[20];
            for (int j = 0; j < 5; j++) {
                out[4 * j] = (byte) (acc[j] >>> 24);
                out[4 * j + 1] = (byte) (acc[j] >>> 16);
                out[4 * j + 2] = (byte) (acc[j] >>> 8);
                out[4 * j + 3] = (byte) acc[j];
            }
            return out;
        }

        /** Replaces {@code u} (5 words) with HMAC(u). */
        private void hmacOf(int[] u, int[] block, int[] state, int[] schedule) {
            for (int pass = 0; pass < 2; pass++) {
                System.arraycopy(u, 0, block, 0, 5);
                block[5] = 0x80000000;
                for (int j = 6; j < 15; j++) block[j] = 0;
                block[15] = (64 + 20) * 8; // message length in bits: one pad block plus 20 bytes
                System.arraycopy(pass == 0 ? innerState : outerState, 0, state, 0, 5);
                compress(state, block, schedule);
                System.arraycopy(state, 0, u, 0, 5);
            }
        }

        private static int[] initialState() {
            return new int[] {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
        }

        private static int[] words(byte[] bytes, int count) {
            int[] w = new int[count];
            for (int i = 0; i < count; i++) {
                w[i] = (bytes[4 * i] & 0xff) << 24 | (bytes[4 * i + 1] & 0xff) << 16
                        | (bytes[4 * i + 2] & 0xff) << 8 | (bytes[4 * i + 3] & 0xff);
            }
            return w;
        }

        private static void compress(int[] h, int[] block, int[] w) {
            System.arraycopy(block, 0, w, 0, 16);
            for (int t = 16; t < 80; t++) w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
            for (int t = 0; t < 80; t++) {
                int f;
                int k;
                if (t < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
                else if (t < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
                else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
                else { f = b ^ c ^ d; k = 0xCA62C1D6; }
                int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
                e = d; d = c; c = Integer.rotateLeft(b, 30); b = a; a = temp;
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
        }
    }
}
