package dev.supervisor.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded damage to a yaml_vault file: to one encrypted value (bit flips, truncation, Base64 alphabet
 * swaps, a lost or extra {@code --}, insertions) or to the whole text (byte edits, lost or doubled lines,
 * changed indentation, stray YAML syntax). Each mutation says what it did, so a failure can be replayed.
 */
final class Mutations {
    /** What a mutation produced and how. */
    record Mutant(byte[] bytes, String how) {}

    private static final Pattern VALUE = Pattern.compile("(?m)(: )(\\S{20,})$");
    private static final String[] YAML_SYNTAX = {"? ", "&a ", "*a", "!!binary ", "<<: ", "- ", "{", "}", "[", "]",
            "'", "\"", "|", ">-", "#", "%YAML 1.1\n", "---\n", "...\n", "!ruby/object ", ": ", ",", "\t", "\u0000",
            "\ufeff", "&a [*a]", ":sym: ", "--", "==", "\\u0041"};

    private final Random random;

    Mutations(Random random) {
        this.random = random;
    }

    Mutant mutate(String file) {
        return random.nextInt(3) == 0 ? mutateFile(file) : mutateValue(file);
    }

    Mutant mutateValue(String file) {
        List<int[]> values = new ArrayList<>();
        Matcher m = VALUE.matcher(file);
        while (m.find()) values.add(new int[]{m.start(2), m.end(2)});
        int[] at = values.get(random.nextInt(values.size()));
        String value = file.substring(at[0], at[1]);
        String[] change = mutateValueText(value);
        return new Mutant((file.substring(0, at[0]) + change[0] + file.substring(at[1])).getBytes(StandardCharsets.UTF_8),
                "value at " + at[0] + ": " + change[1]);
    }

    private String[] mutateValueText(String v) {
        int i = random.nextInt(v.length());
        switch (random.nextInt(7)) {
            case 0 -> {
                int bit = random.nextInt(7);
                return new String[]{v.substring(0, i) + (char) (v.charAt(i) ^ (1 << bit)) + v.substring(i + 1),
                        "flip bit " + bit + " of char " + i};
            }
            case 1 -> {
                return new String[]{v.substring(0, i), "truncate to " + i};
            }
            case 2 -> {
                return new String[]{v.replace('+', '-').replace('/', '_'), "base64url alphabet"};
            }
            case 3 -> {
                int dd = v.indexOf("--", random.nextInt(Math.max(1, v.length() / 2)));
                if (dd < 0) dd = v.indexOf("--");
                return dd < 0 ? new String[]{v, "no -- to remove"}
                        : new String[]{v.substring(0, dd) + v.substring(dd + 2), "remove -- at " + dd};
            }
            case 4 -> {
                String insert = random.nextBoolean() ? "--" : String.valueOf((char) (32 + random.nextInt(95)));
                return new String[]{v.substring(0, i) + insert + v.substring(i), "insert '" + insert + "' at " + i};
            }
            case 5 -> {
                char c = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".charAt(random.nextInt(65));
                return new String[]{v.substring(0, i) + c + v.substring(i + 1), "replace char " + i + " with " + c};
            }
            default -> {
                int j = i + random.nextInt(v.length() - i);
                return new String[]{v.substring(0, i) + v.substring(j), "cut chars " + i + ".." + j};
            }
        }
    }

    Mutant mutateFile(String file) {
        List<String> lines = new ArrayList<>(Arrays.asList(file.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
                int edits = 1 + random.nextInt(4);
                StringBuilder how = new StringBuilder("bytes");
                for (int e = 0; e < edits; e++) {
                    int i = random.nextInt(bytes.length);
                    bytes[i] = (byte) random.nextInt(256);
                    how.append(' ').append(i).append('=').append(bytes[i] & 0xff);
                }
                return new Mutant(bytes, how.toString());
            }
            case 1 -> {
                lines.remove(line);
                return text(lines, "delete line " + line);
            }
            case 2 -> {
                lines.add(line, lines.get(line));
                return text(lines, "duplicate line " + line);
            }
            case 3 -> {
                int spaces = random.nextInt(6);
                lines.set(line, " ".repeat(spaces) + lines.get(line).stripLeading());
                return text(lines, "indent line " + line + " by " + spaces);
            }
            case 4 -> {
                String l = lines.get(line);
                int i = l.isEmpty() ? 0 : random.nextInt(l.length() + 1);
                String syntax = YAML_SYNTAX[random.nextInt(YAML_SYNTAX.length)];
                lines.set(line, l.substring(0, i) + syntax + l.substring(i));
                return text(lines, "insert " + escape(syntax) + " in line " + line + " at " + i);
            }
            default -> {
                int other = random.nextInt(lines.size());
                String l = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, l);
                return text(lines, "swap lines " + line + " and " + other);
            }
        }
    }

    private static Mutant text(List<String> lines, String how) {
        return new Mutant(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), how);
    }

    private static String escape(String s) {
        return "'" + s.replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0") + "'";
    }
}
