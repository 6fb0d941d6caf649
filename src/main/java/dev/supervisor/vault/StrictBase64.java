package dev.supervisor.vault;

import java.util.Base64;

/** Ruby's {@code Base64.strict_decode64}: standard alphabet, padding required, no line breaks. */
final class StrictBase64 {
    private StrictBase64() {}

    /** The decoded bytes, or null when the text is not strict Base64. */
    static byte[] decode(String text) {
        if (text.length() % 4 != 0) return null; // Java's decoder would accept missing padding
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
