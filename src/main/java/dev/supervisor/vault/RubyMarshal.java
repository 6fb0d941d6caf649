package dev.supervisor.vault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one corner of Ruby's Marshal format that yaml_vault needs: a single String (FORMAT.md §3.3).
 * Anything else (another type, trailing bytes, a wrong version) is an {@code InvalidMessage}, as
 * Marshal.load would fail or yield a non-String in Ruby.
 */
public final class RubyMarshal {
    private static final int MAJOR = 4;
    private static final int MINOR = 8;

    private RubyMarshal() {}

    /** Dumps {@code value} as a UTF-8 Ruby String: {@code 04 08 'I' '"' len bytes 06 ':' 06 'E' 'T'}. */
    public static byte[] dumpString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        out.write(MAJOR);
        out.write(MINOR);
        out.write('I');
        out.write('"');
        writeLong(out, bytes.length);
        out.write(bytes, 0, bytes.length);
        writeLong(out, 1);
        out.write(':');
        writeLong(out, 1);
        out.write('E');
        out.write('T');
        return out.toByteArray();
    }

    /** Marshal's "long" for n ≥ 0 (lengths): 0 → 00, 1..122 → n+5, else k little-endian bytes after k. */
    static void writeLong(ByteArrayOutputStream out, int n) {
        if (n < 0) throw new IllegalArgumentException("negative length");
        if (n == 0) {
            out.write(0);
        } else if (n <= 122) {
            out.write(n + 5);
        } else {
            int k = n <= 0xff ? 1 : n <= 0xffff ? 2 : n <= 0xffffff ? 3 : 4;
            out.write(k);
            for (int i = 0; i < k; i++) out.write((n >>> (8 * i)) & 0xff);
        }
    }

    /** Loads a marshalled String in any of the forms Ruby writes for one; returns it as Java text. */
    public static String loadString(byte[] data) {
        Reader in = new Reader(data);
        if (in.u8() != MAJOR || in.u8() != MINOR) throw invalid("not Marshal 4.8 data");
        int type = in.u8();
        String result;
        if (type == '"') {
            result = decode(in.bytes(in.length()), StandardCharsets.ISO_8859_1); // ASCII-8BIT: bytes as-is
        } else if (type == 'I') {
            if (in.u8() != '"') throw invalid("the value is not a String");
            byte[] raw = in.bytes(in.length());
            int ivars = in.length();
            Charset charset = StandardCharsets.ISO_8859_1;
            for (int i = 0; i < ivars; i++) {
                String name = in.symbol();
                if (name.equals("E")) {
                    int flag = in.u8();
                    if (flag == 'T') charset = StandardCharsets.UTF_8;
                    else if (flag == 'F') charset = StandardCharsets.US_ASCII;
                    else throw invalid("unexpected encoding flag");
                } else if (name.equals("encoding")) {
                    if (in.u8() != '"') throw invalid("encoding name is not a String");
                    String encoding = new String(in.bytes(in.length()), StandardCharsets.US_ASCII);
                    charset = charsetNamed(encoding);
                } else {
                    throw invalid("unexpected String instance variable");
                }
            }
            result = decode(raw, charset);
        } else {
            throw invalid("the value is not a String");
        }
        if (in.remaining() != 0) throw invalid("trailing bytes after the String");
        return result;
    }

    private static Charset charsetNamed(String rubyName) {
        try {
            return Charset.forName(rubyName);
        } catch (IllegalArgumentException e) {
            throw invalid("unknown string encoding " + rubyName);
        }
    }

    private static String decode(byte[] raw, Charset charset) {
        if (charset == StandardCharsets.ISO_8859_1) {
            // A binary string usually holds UTF-8 text (Ruby's .to_s keeps the bytes); use it when it is valid.
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                return new String(raw, charset);
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the String's bytes are not valid " + charset.name());
        }
    }

    static VaultException invalid(String why) {
        return new VaultException("InvalidMessage", "the decrypted value is not a marshalled string: " + why);
    }

    /** Sequential reader that turns every overrun into InvalidMessage. */
    private static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return data.length - pos;
        }

        int u8() {
            if (pos >= data.length) throw invalid("truncated");
            return data[pos++] & 0xff;
        }

        byte[] bytes(int n) {
            if (n < 0 || n > remaining()) throw invalid("truncated");
            byte[] out = new byte[n];
            System.arraycopy(data, pos, out, 0, n);
            pos += n;
            return out;
        }

        /** A non-negative Marshal long (lengths and counts). */
        int length() {
            int c = (byte) u8();
            if (c == 0) return 0;
            if (c >= 5 && c <= 127) return c - 5;
            if (c >= 1 && c <= 4) {
                long n = 0;
                for (int i = 0; i < c; i++) n |= (long) u8() << (8 * i);
                if (n > Integer.MAX_VALUE) throw invalid("length out of range");
                return (int) n;
            }
            throw invalid("negative length");
        }

        /** A Symbol (':' name) or a symbol link (';' index) to "E" or "encoding". */
        String symbol() {
            int type = u8();
            if (type == ':') return new String(bytes(length()), StandardCharsets.US_ASCII);
            throw invalid("unexpected instance variable name");
        }
    }
}
