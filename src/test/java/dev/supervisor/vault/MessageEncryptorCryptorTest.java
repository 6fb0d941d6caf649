package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor.vault.MessageEncryptorOptions.CipherMode;
import dev.supervisor.vault.MessageEncryptorOptions.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageEncryptorCryptorTest {
    private static final String PASS = "testpassphrase";
    private static final String SIGN = "signpassphrase";
    private static final String SECRET = "hogehoge-plaintext";
    private static final MessageEncryptorCryptor SIGNED =
            new MessageEncryptorCryptor(MessageEncryptorOptions.of(PASS).withSignPassphrase(SIGN));
    private static final MessageEncryptorCryptor UNSIGNED = new MessageEncryptorCryptor(MessageEncryptorOptions.of(PASS));
    private static final MessageEncryptorCryptor GCM =
            new MessageEncryptorCryptor(MessageEncryptorOptions.of(PASS).withCipher(CipherMode.AES_256_GCM));

    @Test
    void decryptsFormatExample71SignedCbc() {
        assertEquals("hogehoge", SIGNED.decrypt("VGRjT3FMbWVoM3BpNTlkYnlyYlB0bmNlbGJhS253SlEyVkR0dHlVTEJIOD0tLW5GMmd4TmdB"
                + "bjlRMTI1T20wZWJrK3c9PQ==--ab30e1fe0af4953f1cb616c5c24a03f7f619db463c11bec947addc659e8e6bd6"));
    }

    @Test
    void decryptsFormatExample72UnsignedCbc() {
        assertEquals("hogehoge", UNSIGNED.decrypt("TklORnU3RkJwa1VrRGQ3dXhSK1lDcEdNUTlpWkE3dGhaYjFwUW1iVnNwOD0tLVdhZmc5dHY5"
                + "T3A3c015eitxMHQ3R1E9PQ==--170d6fa290880ccd2b1654a1d812ab17eb5b2a13c6265793dffcbef367e3f584"));
    }

    @Test
    void decryptsFormatExample73Gcm() {
        assertEquals("hogehoge", GCM.decrypt("4lXUx/NLIE7bdvibwWpTyKt4--7DgU1q8EmN/Jgwai--ZnmFUNCeOD97gri1+a0tHA=="));
    }

    @ParameterizedTest
    @EnumSource(Digest.class)
    void cbcRoundTripsWithEveryDigest(Digest digest) {
        MessageEncryptorCryptor c = new MessageEncryptorCryptor(
                MessageEncryptorOptions.of(PASS).withSignPassphrase(SIGN).withDigest(digest).withSalt("pepper"));
        String sealed = c.encrypt(SECRET);
        assertEquals(SECRET, c.decrypt(sealed));
        int hexLength = sealed.length() - sealed.lastIndexOf("--") - 2;
        assertEquals(Integer.parseInt(digest.name().substring(3)) == 1 ? 40 : Integer.parseInt(digest.name().substring(3)) / 4,
                hexLength);
    }

    @Test
    void gcmRoundTripsAndHasThreeParts() {
        String sealed = GCM.encrypt(SECRET);
        assertEquals(3, sealed.split("--").length);
        assertEquals(SECRET, GCM.decrypt(sealed));
    }

    @Test
    void encryptionUsesAFreshIvEachTime() {
        assertNotEquals(SIGNED.encrypt(SECRET), SIGNED.encrypt(SECRET));
    }

    @Test
    void sha256KeyDerivationRoundTripsButDoesNotOpenSha1Values() {
        MessageEncryptorCryptor sha256 = new MessageEncryptorCryptor(
                MessageEncryptorOptions.of(PASS).withKdfHash(Pbkdf2.Hash.SHA256));
        assertEquals(SECRET, sha256.decrypt(sha256.encrypt(SECRET)));
        assertEquals("InvalidSignature", reason(() -> sha256.decrypt(UNSIGNED.encrypt(SECRET))));
    }

    @Test
    void tamperedHmacIsInvalidSignature() {
        String sealed = SIGNED.encrypt(SECRET);
        assertEquals("InvalidSignature", reason(() -> SIGNED.decrypt(flipLast(sealed))));
    }

    @Test
    void uppercaseHmacIsInvalidSignature() {
        String sealed = SIGNED.encrypt(SECRET);
        int at = sealed.lastIndexOf("--");
        assertEquals("InvalidSignature", reason(() -> SIGNED.decrypt(sealed.substring(0, at) + sealed.substring(at).toUpperCase())));
    }

    @Test
    void tamperedCiphertextIsInvalidSignature() {
        String sealed = SIGNED.encrypt(SECRET);
        char c = sealed.charAt(3);
        String tampered = sealed.substring(0, 3) + (c == 'A' ? 'B' : 'A') + sealed.substring(4);
        assertEquals("InvalidSignature", reason(() -> SIGNED.decrypt(tampered)));
    }

    @Test
    void truncatedValueIsInvalidSignature() {
        String sealed = SIGNED.encrypt(SECRET);
        assertEquals("InvalidSignature", reason(() -> SIGNED.decrypt(sealed.substring(0, sealed.length() - 10))));
        assertEquals("InvalidSignature", reason(() -> SIGNED.decrypt(sealed.substring(0, sealed.lastIndexOf("--")))));
        assertEquals("InvalidSignature", reason(() -> SIGNED.decrypt("")));
    }

    @Test
    void wrongSaltIsInvalidSignature() {
        MessageEncryptorCryptor salted = new MessageEncryptorCryptor(MessageEncryptorOptions.of(PASS).withSalt("salt"));
        assertEquals("InvalidSignature", reason(() -> UNSIGNED.decrypt(salted.encrypt(SECRET))));
    }

    @Test
    void wrongDigestIsInvalidSignature() {
        MessageEncryptorCryptor sha1 = new MessageEncryptorCryptor(MessageEncryptorOptions.of(PASS).withDigest(Digest.SHA1));
        assertEquals("InvalidSignature", reason(() -> UNSIGNED.decrypt(sha1.encrypt(SECRET))));
    }

    @Test
    void wrongPassphraseWithCorrectSignPassphraseIsInvalidMessage() {
        MessageEncryptorCryptor other = new MessageEncryptorCryptor(
                MessageEncryptorOptions.of("other").withSignPassphrase(SIGN));
        assertEquals("InvalidMessage", reason(() -> other.decrypt(SIGNED.encrypt(SECRET))));
    }

    @Test
    void tamperedIvUnderValidHmacIsInvalidMessage() throws Exception {
        // Re-sign a message whose IV was shortened: the HMAC passes, the cipher must refuse.
        byte[] key = Pbkdf2.derive(Pbkdf2.Hash.SHA1, PASS.getBytes(), new byte[0], 65536, 32);
        String inner = Base64.getEncoder().encodeToString(new byte[16]) + "--" + Base64.getEncoder().encodeToString(new byte[8]);
        assertEquals("InvalidMessage", reason(() -> UNSIGNED.decrypt(signed(key, inner))));
    }

    @Test
    void badPaddingUnderValidHmacIsInvalidMessage() throws Exception {
        byte[] key = Pbkdf2.derive(Pbkdf2.Hash.SHA1, PASS.getBytes(), new byte[0], 65536, 32);
        String inner = Base64.getEncoder().encodeToString(new byte[16]) + "--" + Base64.getEncoder().encodeToString(new byte[16]);
        assertEquals("InvalidMessage", reason(() -> UNSIGNED.decrypt(signed(key, inner))));
    }

    @Test
    void gcmTamperingIsInvalidMessage() {
        String[] parts = GCM.encrypt(SECRET).split("--");
        assertEquals("InvalidMessage", reason(() -> GCM.decrypt(flipFirst(parts[0]) + "--" + parts[1] + "--" + parts[2])));
        assertEquals("InvalidMessage", reason(() -> GCM.decrypt(parts[0] + "--" + flipFirst(parts[1]) + "--" + parts[2])));
        assertEquals("InvalidMessage", reason(() -> GCM.decrypt(parts[0] + "--" + parts[1] + "--" + flipFirst(parts[2]))));
        assertEquals("InvalidMessage", reason(() -> GCM.decrypt(parts[0] + "--" + parts[1])));
        assertEquals("InvalidMessage", reason(() -> GCM.decrypt(parts[0] + "--" + parts[1] + "--AAAA")));
    }

    @Test
    void gcmWithWrongPassphraseIsInvalidMessage() {
        MessageEncryptorCryptor other = new MessageEncryptorCryptor(
                MessageEncryptorOptions.of("other").withCipher(CipherMode.AES_256_GCM));
        assertEquals("InvalidMessage", reason(() -> other.decrypt(GCM.encrypt(SECRET))));
    }

    @Test
    void decryptsJsonSerializedValues() throws Exception {
        assertEquals("héllo <b>", UNSIGNED.decrypt(cbcOf("\"h\\u00e9llo \\u003cb\\u003e\"".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void unwrapsMetadataEnvelopeOfOlderActiveSupport() throws Exception {
        String message = Base64.getEncoder().encodeToString(RubyMarshal.dumpString("wrapped"));
        String envelope = "{\"_rails\":{\"message\":\"" + message + "\",\"exp\":null,\"pur\":null}}";
        assertEquals("wrapped", UNSIGNED.decrypt(cbcOf(envelope.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void unwrapsDataEnvelopeOfNewerActiveSupport() throws Exception {
        String envelope = "{\"_rails\":{\"data\":\"inline\",\"exp\":\"2999-01-01T00:00:00.000Z\",\"pur\":null}}";
        assertEquals("inline", UNSIGNED.decrypt(cbcOf(envelope.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void rejectsEnvelopeWithPurposeOrPastExpiry() throws Exception {
        String purpose = "{\"_rails\":{\"data\":\"x\",\"pur\":\"login\"}}";
        String expired = "{\"_rails\":{\"data\":\"x\",\"exp\":\"2001-01-01T00:00:00Z\"}}";
        assertEquals("InvalidMessage", reason(() -> UNSIGNED.decrypt(cbcOf(purpose.getBytes()))));
        assertEquals("InvalidMessage", reason(() -> UNSIGNED.decrypt(cbcOf(expired.getBytes()))));
    }

    @Test
    void rejectsPlaintextThatIsNeitherMarshalNorJson() throws Exception {
        assertEquals("InvalidMessage", reason(() -> UNSIGNED.decrypt(cbcOf("plain words".getBytes()))));
    }

    @Test
    void batchFailureTellsWhichValueFailed() {
        VaultException e = assertThrows(VaultException.class,
                () -> SIGNED.decryptAll(List.of(SIGNED.encrypt("a"), "garbage--00", SIGNED.encrypt("c"))));
        assertEquals(1, e.valueIndex());
    }

    @Test
    void messagesAndToStringNeverShowSecrets() {
        String sealed = SIGNED.encrypt(SECRET);
        MessageEncryptorCryptor wrong = new MessageEncryptorCryptor(MessageEncryptorOptions.of(PASS).withSignPassphrase("nope"));
        VaultException e = assertThrows(VaultException.class, () -> wrong.decrypt(sealed));
        for (String secret : List.of(PASS, SIGN, SECRET, "nope")) {
            assertFalse(e.getMessage().contains(secret), secret);
            assertFalse(SIGNED.toString().contains(secret), secret);
            assertFalse(wrong.options().toString().contains(secret), secret);
        }
    }

    private static String cbcOf(byte[] plaintext) {
        try {
            return cbcOfChecked(plaintext);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cbcOfChecked(byte[] plaintext) throws Exception {
        byte[] key = Pbkdf2.derive(Pbkdf2.Hash.SHA1, PASS.getBytes(), new byte[0], 65536, 32);
        byte[] iv = new byte[16];
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        String inner = Base64.getEncoder().encodeToString(cipher.doFinal(plaintext)) + "--"
                + Base64.getEncoder().encodeToString(iv);
        return signed(key, inner);
    }

    private static String signed(byte[] hmacKey, String inner) {
        try {
            return signedChecked(hmacKey, inner);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signedChecked(byte[] hmacKey, String inner) throws Exception {
        String outer = Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.US_ASCII));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        return outer + "--" + HexFormat.of().formatHex(mac.doFinal(outer.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String flipLast(String s) {
        char c = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (c == '0' ? '1' : '0');
    }

    private static String flipFirst(String b64) {
        char c = b64.charAt(0);
        return (c == 'A' ? 'B' : 'A') + b64.substring(1);
    }

    private static String reason(Runnable action) {
        VaultException e = assertThrows(VaultException.class, action::run);
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        return e.reason();
    }
}
