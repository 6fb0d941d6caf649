package dev.supervisor.vault;

/**
 * yaml_vault's {@code --prefix}/{@code --suffix} around encrypted values. On decryption each is removed
 * only when present, so values written without them still decrypt (FORMAT.md §4 step 1).
 */
public record Affixes(String prefix, String suffix) {
    public static final Affixes NONE = new Affixes(null, null);

    public Affixes {
        prefix = prefix == null || prefix.isEmpty() ? null : prefix;
        suffix = suffix == null || suffix.isEmpty() ? null : suffix;
    }

    public String wrap(String value) {
        return (prefix == null ? "" : prefix) + value + (suffix == null ? "" : suffix);
    }

    public String strip(String text) {
        String out = text;
        if (prefix != null && out.startsWith(prefix)) out = out.substring(prefix.length());
        if (suffix != null && out.endsWith(suffix)) out = out.substring(0, out.length() - suffix.length());
        return out;
    }
}
