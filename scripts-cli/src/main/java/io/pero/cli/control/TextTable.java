package io.pero.cli.control;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, then rows, columns padded to their widest cell and separated by two spaces; numeric
 * columns are right-aligned. No trailing spaces, so output diffs and greps cleanly.
 */
final class TextTable {
    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param rightAligned indexes of columns to right-align (numbers) */
    TextTable(List<String> header, int... rightAligned) {
        this.header = List.copyOf(header);
        this.rightAligned = new boolean[header.size()];
        for (int i : rightAligned) {
            this.rightAligned[i] = true;
        }
    }

    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    int size() {
        return rows.size();
    }

    String render() {
        int[] widths = new int[header.size()];
        for (List<String> line : allLines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : allLines()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? "" : "  ").append(rightAligned[i] ? pad + cell : cell + pad);
            }
            out.append(text.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private List<List<String>> allLines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        return lines;
    }
}
