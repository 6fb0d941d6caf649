package dev.supervisor.vault;

import java.util.ArrayList;
import java.util.List;

/** Ruby's {@code String#split("--")}: trailing empty fields are dropped, an empty string gives none. */
final class RubySplit {
    private RubySplit() {}

    static String[] onDoubleDash(String text) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = text.indexOf("--", start)) >= 0) {
            fields.add(text.substring(start, at));
            start = at + 2;
        }
        fields.add(text.substring(start));
        int end = fields.size();
        while (end > 0 && fields.get(end - 1).isEmpty()) end--;
        return fields.subList(0, end).toArray(new String[0]);
    }
}
