package dev.supervisor.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Turns the decrypted bytes into the value string. yaml_vault writes Marshal; a Rails app on
 * ActiveSupport ≥ 7.1 with {@code load_defaults 7.1} writes JSON, and AS 5.2+ may wrap either in a
 * {@code _rails} metadata envelope (FORMAT.md §8). The serializer is detected as Rails'
 * SerializerWithFallback does. Every failure is InvalidMessage.
 */
final class PlaintextDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ActiveSupport's JSON-detection regexp, applied to the first bytes. */
    private static final Pattern JSON_START = Pattern.compile("\\A(?:[{\\[\"]|-?\\d|true|false|null)");
    private static final int MAX_ENVELOPE_NESTING = 2;

    private PlaintextDecoder() {}

    static String decode(byte[] serialized) {
        return decode(serialized, 0);
    }

    private static String decode(byte[] serialized, int nesting) {
        if (serialized.length >= 2 && serialized[0] == 4 && serialized[1] == 8) {
            return RubyMarshal.loadString(serialized);
        }
        String text = new String(serialized, StandardCharsets.UTF_8);
        if (JSON_START.matcher(text).lookingAt()) {
            return fromJson(text, nesting);
        }
        if (serialized.length >= 2 && (serialized[0] & 0xff) == 0xCC && (serialized[1] & 0xff) == 0x80) {
            throw MessageEncryptorCryptor.invalidMessage("MessagePack-serialized values are not supported");
        }
        throw MessageEncryptorCryptor.invalidMessage("the decrypted value is neither Marshal nor JSON");
    }

    private static String fromJson(String text, int nesting) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw MessageEncryptorCryptor.invalidMessage("the decrypted value is not valid JSON");
        }
        if (node != null && node.isObject() && node.has("_rails") && nesting < MAX_ENVELOPE_NESTING) {
            return unwrapEnvelope(node.get("_rails"), nesting);
        }
        if (node == null || !node.isTextual()) {
            throw MessageEncryptorCryptor.invalidMessage("the decrypted JSON value is not a string");
        }
        return node.textValue();
    }

    /** {@code {"_rails":{"message":b64}|{"data":value}, "exp":…, "pur":…}}; yaml_vault never sets a purpose. */
    private static String unwrapEnvelope(JsonNode rails, int nesting) {
        if (!rails.isObject()) throw MessageEncryptorCryptor.invalidMessage("malformed _rails envelope");
        JsonNode purpose = rails.get("pur");
        if (purpose != null && !purpose.isNull() && !purpose.asText().isEmpty()) {
            throw MessageEncryptorCryptor.invalidMessage("the value was encrypted for a purpose");
        }
        JsonNode expiry = rails.get("exp");
        if (expiry != null && !expiry.isNull() && isPast(expiry.asText())) {
            throw MessageEncryptorCryptor.invalidMessage("the value has expired");
        }
        if (rails.hasNonNull("message")) {
            byte[] inner = StrictBase64.decode(rails.get("message").asText());
            if (inner == null) throw MessageEncryptorCryptor.invalidMessage("envelope message is not Base64");
            return decode(inner, nesting + 1);
        }
        JsonNode data = rails.get("data");
        if (data != null && data.isTextual()) return data.textValue();
        throw MessageEncryptorCryptor.invalidMessage("the _rails envelope holds no string");
    }

    private static boolean isPast(String iso8601) {
        try {
            return OffsetDateTime.parse(iso8601).toInstant().isBefore(java.time.Instant.now());
        } catch (DateTimeParseException e) {
            return true; // an expiry we cannot read is not a promise that the value is still valid
        }
    }
}
