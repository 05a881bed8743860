package io.pero.ocr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.ocr.xml.SchemaValidation;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command with the real engine and the bundled models: a rendered page in, three valid documents out. */
class OcrMainIT {
    @TempDir
    Path tmp;

    @Test
    void renderedPageIsReadAndEveryOutputIsSchemaValid() throws IOException {
        Path image = tmp.resolve("letter.png");
        ImageIO.write(render("The quick brown fox", "jumps over the lazy dog."), "png", image.toFile());
        Path bad = Files.writeString(tmp.resolve("notes.jpg"), "plain text, not a JPEG");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = OcrMain.run(new String[] {image.toString(), bad.toString(), "-o", tmp.resolve("out").toString()},
                PageOcrFactory.ENGINE, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(1, code, "one of two images is bad: " + err);
        assertTrue(err.toString().contains("error: " + bad + ": not an image (starts with 'plai')"), err.toString());
        String text = Files.readString(tmp.resolve("out/letter.png.txt"));
        assertEquals("the quick brown fox\njumps over the lazy dog.", text.strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\n\n", "\n"), "text read back (case-insensitive, region breaks ignored)");
        SchemaValidation.assertValid(SchemaValidation.PAGE, Files.readString(tmp.resolve("out/letter.png_page.xml")));
        SchemaValidation.assertValid(SchemaValidation.ALTO, Files.readString(tmp.resolve("out/letter.png_alto.xml")));
    }

    private static BufferedImage render(String... lines) {
        BufferedImage img = new BufferedImage(1200, 400, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 48));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 120 + i * 90);
        }
        g.dispose();
        return img;
    }
}
