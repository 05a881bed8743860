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
    private final List<Ruling> rulings;

    private final java.util.Set<Integer> strip;

    /** @param rulings printed rules in the same (deskewed) frame as the boxes */
    ColumnLayout(List<LineBox> boxes, List<Ruling> rulings) {
        this(boxes, rulings, java.util.Set.of());
    }

    /**
     * @param strip the indices of fragments in a strip of the facing page ({@link FacingPageStrip}): rows made of
     *              them alone are left out. A piece joined into a row of the page itself (a price at the border of a
     *              tightly cropped receipt, next to its item) is the page's own text and stays.
     */
    ColumnLayout(List<LineBox> boxes, List<Ruling> rulings, java.util.Set<Integer> strip) {
        this.boxes = boxes;
        this.rulings = rulings;
        this.strip = strip;
    }

    List<TextBlock> blocks() {
        LineScale scale = LineScale.of(boxes);
        Rules rules = Rules.of(rulings, scale.lineHeight());
        List<Row> rows = new ArrayList<>();
        for (List<LineBox> fragments : new RowMerger(boxes, scale, rules).rows()) {
            if (!fragments.stream().allMatch(f -> strip.contains(f.index()))) {
                rows.add(Row.of(fragments));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<List<Row>> blocks = BlockBuilder.blocks(rows, rules);
        List<BlockOrder.Box> outlines = blocks.stream().map(BlockOrder.Box::of).toList();
        int[] frames = new int[blocks.size()];
        java.util.Map<Integer, Integer> rowsInFrame = new java.util.HashMap<>();
        for (int i = 0; i < frames.length; i++) {
            BlockOrder.Box b = outlines.get(i);
            frames[i] = rules.frameOf((b.x0() + b.x1()) / 2, (b.y0() + b.y1()) / 2);
            if (frames[i] < 0) {
                frames[i] = rules.frameContinuedBeside(b.x0(), b.y0(), b.x1(), b.y1(), scale.lineHeight());
            }
            rowsInFrame.merge(frames[i], blocks.get(i).size(), Integer::sum);
        }
        for (int i = 0; i < frames.length; i++) {
            // A frame round a single line is a boxed heading or label in the running text, not a box set apart.
            if (frames[i] >= 0 && rowsInFrame.get(frames[i]) <= 1) {
                frames[i] = -1;
            }
        }
        List<TextBlock> ordered = new ArrayList<>();
        for (int i : BlockOrder.order(outlines, frames)) {
            ordered.add(new TextBlock(blocks.get(i).stream().map(Row::toTextRow).toList()));
        }
        return ordered;
    }
}
