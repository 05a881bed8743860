package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Column-aware layout: fragments → rows ({@link RowMerger}) → reading order ({@link ReadingOrder}) → blocks
 * (paragraph-like runs of consecutive rows with regular spacing). Distances are in units of the page's median line
 * height ({@link LineScale}).
 */
final class ColumnLayout {
    /** Consecutive rows further apart than this many line heights (or not overlapping) start a new block. */
    private static final double BLOCK_GAP = 1.0;
    private static final double BLOCK_HEIGHT_RATIO = 1.4;

    private final List<LineBox> boxes;

    ColumnLayout(List<LineBox> boxes) {
        this.boxes = boxes;
    }

    List<TextBlock> blocks() {
        LineScale scale = LineScale.of(boxes);
        List<Row> rows = new ArrayList<>();
        for (List<LineBox> fragments : new RowMerger(boxes, scale).rows()) {
            rows.add(Row.of(fragments));
        }
        if (System.getProperty("pero.layout.old") != null) {
            List<Row> ordered = new ReadingOrder(scale.fittedTo(rows)).order(rows);
            return group(ordered, scale.lineHeight());
        }
        List<List<Row>> blocks = BlockBuilder.blocks(rows);
        List<BlockOrder.Box> boxes = blocks.stream().map(BlockOrder.Box::of).toList();
        List<TextBlock> ordered = new ArrayList<>();
        for (int i : BlockOrder.order(boxes)) {
            if (System.getProperty("pero.layout.debug") != null) {
                BlockOrder.Box b = boxes.get(i);
                System.err.printf("block %d [%.0f,%.0f - %.0f,%.0f] h=%.0f rows=%d%n", i, b.x0(), b.y0(), b.x1(), b.y1(), b.lineHeight(), blocks.get(i).size());
            }
            ordered.add(new TextBlock(blocks.get(i).stream().map(Row::toTextRow).toList()));
        }
        return ordered;
    }

    private static List<TextBlock> group(List<Row> ordered, double lineHeight) {
        List<TextBlock> blocks = new ArrayList<>();
        List<TextRow> current = new ArrayList<>();
        Row previous = null;
        for (Row row : ordered) {
            if (previous != null && !continues(previous, row, lineHeight)) {
                blocks.add(new TextBlock(current));
                current = new ArrayList<>();
            }
            current.add(row.toTextRow());
            previous = row;
        }
        if (!current.isEmpty()) {
            blocks.add(new TextBlock(current));
        }
        return blocks;
    }

    private static boolean continues(Row above, Row below, double lineHeight) {
        double gap = below.y0() - above.y1();
        double overlap = Math.min(above.x1(), below.x1()) - Math.max(above.x0(), below.x0());
        double ratio = Math.max(above.height(), below.height()) / Math.min(above.height(), below.height());
        return gap >= -0.5 * lineHeight && gap <= BLOCK_GAP * lineHeight && overlap > 0 && ratio <= BLOCK_HEIGHT_RATIO;
    }
}
