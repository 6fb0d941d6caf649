package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RubyMarshalTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void dumpsUtf8StringAsRubyDoes() {
        assertEquals("040849220d686f6765686f6765063a064554", HexFormat.of().formatHex(RubyMarshal.dumpString("hogehoge")));
    }

    @ParameterizedTest
    @CsvSource({"0, 00", "1, 06", "122, 7f", "123, 017b", "255, 01ff", "256, 020001", "300, 022c01",
            "65536, 03000001", "70000, 03701101"})
    void encodesMarshalLongs(int n, String expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RubyMarshal.writeLong(out, n);
        assertEquals(expected, HexFormat.of().formatHex(out.toByteArray()));
    }

    @ParameterizedTest
    @CsvSource({"0", "122", "123", "255", "256", "65536"})
    void roundTripsStringsOfEdgeLengths(int length) {
        String value = "x".repeat(length);
        assertEquals(value, RubyMarshal.loadString(RubyMarshal.dumpString(value)));
    }

    @Test
    void roundTripsMultibyteText() {
        assertEquals("日本語🔑", RubyMarshal.loadString(RubyMarshal.dumpString("日本語🔑")));
    }

    @Test
    void loadsUsAsciiString() {
        assertEquals("abc", RubyMarshal.loadString(hex("0408 49 22 08 616263 06 3a0645 46")));
    }

    @Test
    void loadsStringWithNamedEncoding() {
        // "\xE9" in ISO-8859-1: I " 01 e9, 1 ivar, :encoding "ISO-8859-1"
        assertEquals("é", RubyMarshal.loadString(hex("0408 49 22 06 e9 06 3a 0d 656e636f64696e67 22 0f 49534f2d383835392d31")));
    }

    @Test
    void loadsBareBinaryString() {
        assertEquals("hi", RubyMarshal.loadString(hex("0408 22 07 6869")));
    }

    @Test
    void rejectsIntegerAsInvalidMessage() {
        VaultException e = assertThrows(VaultException.class, () -> RubyMarshal.loadString(hex("0408 69 06")));
        assertEquals("InvalidMessage", e.reason());
    }

    @Test
    void rejectsTruncatedData() {
        assertEquals("InvalidMessage", assertThrows(VaultException.class,
                () -> RubyMarshal.loadString(hex("0408 49 22 0d 686f"))).reason());
    }

    @Test
    void rejectsOtherMarshalVersion() {
        assertEquals("InvalidMessage", assertThrows(VaultException.class,
                () -> RubyMarshal.loadString(hex("0407 22 07 6869"))).reason());
    }

    @Test
    void rejectsTrailingBytes() {
        assertEquals("InvalidMessage", assertThrows(VaultException.class,
                () -> RubyMarshal.loadString(hex("0408 22 07 6869 00"))).reason());
    }
}
