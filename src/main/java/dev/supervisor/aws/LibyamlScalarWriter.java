package dev.supervisor.aws;

import dev.supervisor.aws.PsychStringDump.ScalarStyle;

/**
 * A port of the part of libyaml 0.2.5's {@code emitter.c} that writes one root scalar document:
 * {@code yaml_emitter_analyze_scalar}, {@code yaml_emitter_select_scalar_style} and the four scalar writers,
 * with the emitter's column/whitespace/indention bookkeeping, best width 80 and best indent 2 (Psych's
 * defaults). Function and flag names follow the C source so the two can be read side by side.
 * Psych turns on {@code unicode}, so printable non-ASCII text is written as is.
 */
final class LibyamlScalarWriter {
    private static final int BEST_WIDTH = 80;
    private static final int BEST_INDENT = 2;

    private final StringBuilder out = new StringBuilder();
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int indent = -1;
    private int openEnded;

    String text() {
        return out.toString();
    }

    void documentStart() {
        writeIndicator("---", true, false, false);
    }

    void tag(String shorthand) {
        if (!whitespace) put(' ');
        for (char c : shorthand.toCharArray()) put(c);
        whitespace = false;
        indention = false;
    }

    void scalar(String value, ScalarStyle requested) {
        ScalarAnalysis a = ScalarAnalysis.of(value);
        ScalarStyle style = requested;
        if (style == ScalarStyle.PLAIN && !a.blockPlainAllowed()) style = ScalarStyle.SINGLE_QUOTED;
        if (style == ScalarStyle.SINGLE_QUOTED && !a.singleQuotedAllowed()) style = ScalarStyle.DOUBLE_QUOTED;
        if (style == ScalarStyle.LITERAL && !a.blockAllowed()) style = ScalarStyle.DOUBLE_QUOTED;
        switch (style) {
            case PLAIN -> plain(value);
            case SINGLE_QUOTED -> singleQuoted(value);
            case DOUBLE_QUOTED -> doubleQuoted(value);
            case LITERAL -> literal(value);
        }
    }

    void documentEnd() {
        indent = -1;
        writeIndent();
        // Stream end: only a "keep" (|+) block scalar leaves the document open-ended in libyaml 0.2.5.
        if (openEnded == 2) {
            writeIndicator("...", true, false, false);
            writeIndent();
        }
    }

    private void plain(String value) {
        indent = BEST_INDENT;
        int[] s = value.codePoints().toArray();
        if (!whitespace && s.length > 0) put(' ');
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < s.length; i++) {
            int c = s[i];
            if (c == ' ') {
                if (!spaces && column > BEST_WIDTH && !isSpaceAt(s, i + 1)) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') putBreak();
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) writeIndent();
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    void singleQuoted(String value) {
        indent = BEST_INDENT;
        int[] s = value.codePoints().toArray();
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < s.length; i++) {
            int c = s[i];
            if (c == ' ') {
                if (!spaces && column > BEST_WIDTH && i != 0 && i != s.length - 1 && !isSpaceAt(s, i + 1)) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') putBreak();
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) writeIndent();
                if (c == '\'') put('\'');
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if (breaks) writeIndent();
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void doubleQuoted(String value) {
        indent = BEST_INDENT;
        int[] s = value.codePoints().toArray();
        writeIndicator("\"", true, false, false);
        boolean spaces = false;
        for (int i = 0; i < s.length; i++) {
            int c = s[i];
            if (!ScalarAnalysis.isPrintable(c) || c == 0xFEFF || ScalarAnalysis.isBreak(c) || c == '"' || c == '\\') {
                put('\\');
                writeEscape(c);
                spaces = false;
            } else if (c == ' ') {
                if (!spaces && column > BEST_WIDTH && i != 0 && i != s.length - 1) {
                    writeIndent();
                    if (isSpaceAt(s, i + 1)) put('\\');
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                spaces = false;
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeEscape(int c) {
        switch (c) {
            case 0x00 -> put('0');
            case 0x07 -> put('a');
            case 0x08 -> put('b');
            case 0x09 -> put('t');
            case 0x0A -> put('n');
            case 0x0B -> put('v');
            case 0x0C -> put('f');
            case 0x0D -> put('r');
            case 0x1B -> put('e');
            case 0x22 -> put('"');
            case 0x5C -> put('\\');
            case 0x85 -> put('N');
            case 0xA0 -> put('_');
            case 0x2028 -> put('L');
            case 0x2029 -> put('P');
            default -> {
                int width;
                if (c <= 0xFF) { put('x'); width = 2; }
                else if (c <= 0xFFFF) { put('u'); width = 4; }
                else { put('U'); width = 8; }
                for (int k = (width - 1) * 4; k >= 0; k -= 4) {
                    int digit = (c >> k) & 0x0F;
                    put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
                }
            }
        }
    }

    private void literal(String value) {
        indent = BEST_INDENT;
        int[] s = value.codePoints().toArray();
        writeIndicator("|", true, false, false);
        blockScalarHints(s);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        for (int c : s) {
            if (ScalarAnalysis.isBreak(c)) {
                writeBreak(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) writeIndent();
                write(c);
                indention = false;
                breaks = false;
            }
        }
    }

    private void blockScalarHints(int[] s) {
        if (s.length > 0 && (s[0] == ' ' || ScalarAnalysis.isBreak(s[0]))) {
            writeIndicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
        }
        openEnded = 0;
        String chomp = null;
        if (s.length == 0 || !ScalarAnalysis.isBreak(s[s.length - 1])) {
            chomp = "-";
        } else if (s.length == 1 || ScalarAnalysis.isBreak(s[s.length - 2])) {
            chomp = "+";
            openEnded = 2;
        }
        if (chomp != null) writeIndicator(chomp, false, false, false);
    }

    private void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) putBreak();
        while (column < target) put(' ');
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) put(' ');
        indicator.codePoints().forEach(this::write);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private static boolean isSpaceAt(int[] s, int i) {
        return i < s.length && s[i] == ' ';
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(int codePoint) {
        out.appendCodePoint(codePoint);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
    }

    /** WRITE_BREAK: a '\n' is written as the platform-neutral '\n'; other breaks are copied. */
    private void writeBreak(int c) {
        if (c == '\n') putBreak();
        else {
            out.appendCodePoint(c);
            column = 0;
        }
    }
}
