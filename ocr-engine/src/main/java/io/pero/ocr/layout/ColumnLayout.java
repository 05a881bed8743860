package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Column-aware layout: fragments → rows ({@link RowMerger}) → blocks ({@link BlockBuilder}) → blocks in reading
 * order ({@link BlockOrder}), each block's rows top to bottom. Distances are in units of the page's median line
 * height ({@link LineScale}).
 */
final class ColumnLayout {
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
        List<List<Row>> blocks = BlockBuilder.blocks(rows);
        List<BlockOrder.Box> outlines = blocks.stream().map(BlockOrder.Box::of).toList();
        List<TextBlock> ordered = new ArrayList<>();
        for (int i : BlockOrder.order(outlines)) {
            ordered.add(new TextBlock(blocks.get(i).stream().map(Row::toTextRow).toList()));
        }
        return ordered;
    }
}
