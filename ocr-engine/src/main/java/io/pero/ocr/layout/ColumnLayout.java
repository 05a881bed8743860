package io.pero.ocr.layout;

import java.util.List;

/** Column-aware layout (placeholder while being developed). */
final class ColumnLayout {
    private final List<LineBox> boxes;

    ColumnLayout(List<LineBox> boxes) {
        this.boxes = boxes;
    }

    List<TextBlock> blocks() {
        return LayoutAnalyzer.topDown(boxes);
    }
}
