package dev.supervisor.process;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This process's argv and environment as raw bytes from /proc. The JVM decodes both with the locale's
 * charset (ASCII when LANG is unset, as in most images), which would turn UTF-8 into '?'; reading the
 * bytes keeps the child's argv and environment exactly as the container runtime passed them.
 */
public final class ProcSelf {
    private ProcSelf() {}

    public static List<byte[]> commandLine() {
        return split(read("/proc/self/cmdline"));
    }

    /** The environment decoded as UTF-8 (what every app in a container expects), in kernel order. */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (byte[] entry : split(read("/proc/self/environ"))) {
            String text = new String(entry, StandardCharsets.UTF_8);
            int eq = text.indexOf('=');
            if (eq > 0) env.putIfAbsent(text.substring(0, eq), text.substring(eq + 1));
        }
        return env;
    }

    /**
     * The raw bytes of the last {@code args.length} command-line arguments when they decode to exactly
     * {@code args} (so they are the arguments main received); otherwise the arguments in UTF-8.
     */
    public static List<byte[]> rawTail(List<String> args) {
        List<byte[]> all = commandLine();
        List<byte[]> out = new ArrayList<>(args.size());
        int offset = all.size() - args.size();
        String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
        for (int i = 0; i < args.size(); i++) {
            byte[] raw = offset >= 0 ? all.get(offset + i) : null;
            boolean same = raw != null && decode(raw, jnu).equals(args.get(i));
            out.add(same ? raw : args.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String decode(byte[] raw, String charset) {
        try {
            return new String(raw, charset);
        } catch (java.io.UnsupportedEncodingException e) {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new SupervisorException(ExitCode.OS_ERROR, "cannot read " + path + ": " + e.getMessage());
        }
    }

    private static List<byte[]> split(byte[] raw) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                byte[] part = new byte[i - start];
                System.arraycopy(raw, start, part, 0, part.length);
                parts.add(part);
                start = i + 1;
            }
        }
        return parts;
    }
}
