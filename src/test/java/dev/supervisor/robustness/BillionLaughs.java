package dev.supervisor.robustness;

/** The classic alias bomb: nine levels of nine aliases each, 9^9 strings if expanded. */
final class BillionLaughs {
    private BillionLaughs() {}

    static String yaml() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String previous = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.toString();
    }
}
