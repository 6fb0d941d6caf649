package dev.supervisor.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * NUL-terminated byte strings and {@code char *[]} arrays for libc. We never let JNA encode a String:
 * its default encoding follows the locale (ASCII in most containers), which would mangle UTF-8 argv.
 */
public final class NativeStrings {
    private NativeStrings() {}

    public static byte[] cString(byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        return out;
    }

    public static byte[] cString(String text) {
        return cString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A NULL-terminated array of C strings. The returned memory keeps its strings reachable; hold on to
     * it until the native call returns.
     */
    public static Memory array(List<byte[]> strings) {
        Memory[] parts = new Memory[strings.size()];
        Memory table = new PinnedArray(strings.size() + 1, parts);
        for (int i = 0; i < parts.length; i++) {
            byte[] s = strings.get(i);
            parts[i] = new Memory(s.length + 1L);
            parts[i].write(0, s, 0, s.length);
            parts[i].setByte(s.length, (byte) 0);
            table.setPointer((long) i * Native.POINTER_SIZE, parts[i]);
        }
        table.setPointer((long) parts.length * Native.POINTER_SIZE, Pointer.NULL);
        return table;
    }

    /** Pointer table that references its strings so the GC cannot free them while the table is alive. */
    private static final class PinnedArray extends Memory {
        @SuppressWarnings("unused")
        private final Memory[] strings;

        PinnedArray(int slots, Memory[] strings) {
            super((long) slots * Native.POINTER_SIZE);
            this.strings = strings;
        }
    }
}
