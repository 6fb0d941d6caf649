package dev.supervisor.aws;

/**
 * libyaml's {@code yaml_emitter_analyze_scalar} for a root block-context scalar: which styles the text
 * allows. Character classes are libyaml's (IS_PRINTABLE excludes TAB, C1 controls, the BOM and everything
 * outside the BMP, which is why an emoji forces double quotes with a {@code \U} escape).
 */
record ScalarAnalysis(boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {

    static ScalarAnalysis of(String value) {
        int[] s = value.codePoints().toArray();
        if (s.length == 0) return new ScalarAnalysis(true, true, false);

        boolean blockIndicators = value.startsWith("---") || value.startsWith("...");
        boolean specialCharacters = false, lineBreaks = false;
        boolean leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        boolean breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = isBlankz(s, 1);

        for (int i = 0; i < s.length; i++) {
            int c = s[i];
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) blockIndicators = true;
                if ((c == '?' || c == ':') && followedByWhitespace) blockIndicators = true;
                if (c == '-' && followedByWhitespace) blockIndicators = true;
            } else {
                if (c == ':' && followedByWhitespace) blockIndicators = true;
                if (c == '#' && precededByWhitespace) blockIndicators = true;
            }
            if (!isPrintable(c)) specialCharacters = true;
            if (isBreak(c)) lineBreaks = true;

            if (c == ' ') {
                if (i == 0) leadingSpace = true;
                if (i == s.length - 1) trailingSpace = true;
                if (previousBreak) breakSpace = true;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                if (i == 0) leadingBreak = true;
                if (i == s.length - 1) trailingBreak = true;
                if (previousSpace) spaceBreak = true;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlankz(s, i);
            followedByWhitespace = isBlankz(s, i + 2);
        }

        boolean blockPlain = true, single = true, block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
        if (trailingSpace) block = false;
        if (breakSpace) { blockPlain = false; single = false; }
        if (spaceBreak || specialCharacters) { blockPlain = false; single = false; block = false; }
        if (lineBreaks) blockPlain = false;
        if (blockIndicators) blockPlain = false;
        return new ScalarAnalysis(blockPlain, single, block);
    }

    static boolean isPrintable(int c) {
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** IS_BLANKZ: space, tab, a break, or the end of the string (libyaml sees the terminating NUL). */
    private static boolean isBlankz(int[] s, int i) {
        if (i >= s.length) return true;
        int c = s[i];
        return c == ' ' || c == '\t' || isBreak(c) || c == 0;
    }
}
