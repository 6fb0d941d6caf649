package dev.supervisor.vault;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Node paths as the vectors and our messages show them: {@code $.production.aws}, {@code [0]},
 * and {@code ["api.v1"]} (a JSON string) for keys with dots, brackets, quotes or whitespace.
 */
public final class DisplayPath {
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[.\\[\\]\"'\\s]|^$");

    private DisplayPath() {}

    /** {@code path} starts with "$"; Strings are keys, Integers sequence indexes, anything else a complex key. */
    public static String of(List<Object> path) {
        StringBuilder out = new StringBuilder("$");
        for (Object segment : path.subList(1, path.size())) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else if (segment instanceof String key && !NEEDS_QUOTES.matcher(key).find()) {
                out.append('.').append(key);
            } else if (segment instanceof String key) {
                out.append("[\"").append(JsonStringEncoder.getInstance().quoteAsString(key)).append("\"]");
            } else {
                out.append("[?]");
            }
        }
        return out.toString();
    }
}
