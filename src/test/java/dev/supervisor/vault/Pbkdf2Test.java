package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class Pbkdf2Test {
    private static final int AS_ITERATIONS = 65536;

    private static String hex(Pbkdf2.Hash hash, String password, String salt, int iterations, int length) {
        return HexFormat.of().formatHex(Pbkdf2.derive(hash, password.getBytes(StandardCharsets.UTF_8),
                salt.getBytes(StandardCharsets.UTF_8), iterations, length));
    }

    @Test
    void encryptionKeyWithEmptySaltMatchesFormatSection7() {
        assertEquals("04f20c27303cca992746a0400a6e1ece11a005e44f657e5dcc0ed9baa065d5e6",
                hex(Pbkdf2.Hash.SHA1, "testpassphrase", "", AS_ITERATIONS, 32));
    }

    @Test
    void signKeyWithEmptySaltMatchesFormatSection71() {
        assertEquals("783b8e503a9cbb7e97a075cc0ae5b5326b86cf7e30bd4ac0937fa8b9883368720bb361978803c5bfe5746af58c6b096b"
                + "fa4aa7a8a5921c0058c84e0866c2d1f4", hex(Pbkdf2.Hash.SHA1, "signpassphrase", "", AS_ITERATIONS, 64));
    }

    @Test
    void keysWithSaltMatchFormatSection74() {
        List<byte[]> both = Pbkdf2.deriveAll(List.of(
                new Pbkdf2.Request(Pbkdf2.Hash.SHA1, bytes("testpassphrase"), bytes("yaml_vault_salt"), AS_ITERATIONS, 32),
                new Pbkdf2.Request(Pbkdf2.Hash.SHA1, bytes("signpassphrase"), bytes("yaml_vault_salt"), AS_ITERATIONS, 64)));
        assertEquals("5e01b3e43724fadbb4f152ea0e985025e66247d1331d6dd954a1dfc3d3c10863", HexFormat.of().formatHex(both.get(0)));
        assertEquals("77d14055900e930fba18e97f24ba7212e7f4c94b03f9e12bc10c146d18e7bfac"
                + "fd1762849b1977391ea3d55fde867e18efed27d90b414d7f1a2c45a27af53238", HexFormat.of().formatHex(both.get(1)));
    }

    @Test
    void matchesRfc6070ForOneAndManyIterations() {
        assertEquals("0c60c80f961f0e71f3a9b524af6012062fe037a6", hex(Pbkdf2.Hash.SHA1, "password", "salt", 1, 20));
        assertEquals("4b007901b765489abead49d926f721d065a429c1", hex(Pbkdf2.Hash.SHA1, "password", "salt", 4096, 20));
        assertEquals("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038",
                hex(Pbkdf2.Hash.SHA1, "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25));
    }

    @Test
    void longPasswordIsHashedFirstAsHmacRequires() throws Exception {
        String longPassword = "p".repeat(100);
        assertArrayEquals(jdk("PBKDF2WithHmacSHA1", longPassword, "salt", 1000, 32),
                Pbkdf2.derive(Pbkdf2.Hash.SHA1, bytes(longPassword), bytes("salt"), 1000, 32));
    }

    @Test
    void sha256VariantMatchesTheJdkWhereTheJdkAcceptsTheSalt() throws Exception {
        assertArrayEquals(jdk("PBKDF2WithHmacSHA256", "testpassphrase", "s", 1000, 64),
                Pbkdf2.derive(Pbkdf2.Hash.SHA256, bytes("testpassphrase"), bytes("s"), 1000, 64));
    }

    @Test
    void emptyPasswordIsAccepted() throws Exception {
        assertEquals(20, Pbkdf2.derive(Pbkdf2.Hash.SHA1, new byte[0], new byte[0], 2, 20).length);
    }

    private static byte[] jdk(String algorithm, String password, String salt, int iterations, int length) throws Exception {
        return SecretKeyFactory.getInstance(algorithm).generateSecret(
                new PBEKeySpec(password.toCharArray(), bytes(salt), iterations, length * 8)).getEncoded();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
