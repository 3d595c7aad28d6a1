package dev.hostkit.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Deliberate defects written as a table, one a line: cells separated by '|', the last cell
 * "FROM => TO" (TO may be empty; '|' may appear in FROM and TO). A value in backticks keeps
 * its spaces, and the two characters {@code \n} in a value are a line break.
 */
public final class MutationTable {
    /** One defect: the leading cells, then what becomes what. */
    public record Row(List<String> cells, String from, String to) {}

    private MutationTable() {}

    /** The rows of TABLE, each with CELLS cells before "FROM => TO". */
    public static List<Row> parse(String table, int cells) {
        List<Row> rows = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String[] parts = line.split("\\|", cells + 1);
            int arrow = parts.length == cells + 1 ? parts[cells].indexOf("=>") : -1;
            if (arrow < 0) {
                throw new IllegalArgumentException("not " + cells + " cells and FROM => TO: " + line);
            }
            List<String> leading = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                leading.add(value(parts[i]));
            }
            rows.add(new Row(leading, value(parts[cells].substring(0, arrow)), value(parts[cells].substring(arrow + 2))));
        }
        return rows;
    }

    private static String value(String cell) {
        String value = cell.strip();
        if (value.length() >= 2 && value.startsWith("`") && value.endsWith("`")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.replace("\\n", "\n");
    }
}
