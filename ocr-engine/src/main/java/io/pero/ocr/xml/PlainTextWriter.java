package io.pero.ocr.xml;

import io.pero.ocr.model.Page;
import io.pero.ocr.model.TextLine;
import io.pero.ocr.model.TextRegion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The page's text as UTF-8: one line of text per recognised line in reading order, a blank line between regions,
 * a final newline. Lines with blank text and regions without text are skipped, so blank lines always mean a region
 * boundary. Line breaks inside a line's text (never produced by recognition) become spaces.
 */
public final class PlainTextWriter {
    public byte[] write(Page page) {
        return toText(page).getBytes(StandardCharsets.UTF_8);
    }

    public String toText(Page page) {
        List<String> blocks = new ArrayList<>();
        for (TextRegion region : page.regions()) {
            StringBuilder block = new StringBuilder();
            for (TextLine line : region.lines()) {
                if (line.text().isBlank()) {
                    continue;
                }
                if (block.length() > 0) {
                    block.append('\n');
                }
                block.append(line.text().replaceAll("[\\r\\n\\u2028\\u2029]+", " "));
            }
            if (block.length() > 0) {
                blocks.add(block.toString());
            }
        }
        return blocks.isEmpty() ? "" : String.join("\n\n", blocks) + "\n";
    }
}
