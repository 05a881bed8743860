package io.pero.ocr.engine;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opencv.core.Mat;

/**
 * A synthetic page laid out in code and rendered with Java2D: blocks of wrapped text (columns, boxes, captions,
 * footnotes), single lines (titles, cells), rules and grey figures. Every text line gets an id ("L3" = third line of
 * block L) so a test can state the reading order it expects; the words are drawn from a fixed vocabulary with a
 * seeded generator, so each line is distinct and the page is the same on every run.
 */
final class RenderedPage {
    private static final String[] WORDS = ("time person year way day thing world life hand part child eye woman place "
            + "work week case point number group problem fact house river stone market garden window winter summer "
            + "letter music table doctor village mother father island forest bridge engine paper story church school "
            + "station silver copper harbour valley castle meadow lantern orchard kitchen pocket ribbon candle")
            .split(" ");

    /** @param justify the width to spread the words over (a justified column line), 0 for none */
    record Line(String id, String text, Font font, double x, double y, int justify) {
    }

    private final int width;
    private final int height;
    private final List<Line> lines = new ArrayList<>();
    private final List<int[]> rules = new ArrayList<>();
    private final List<int[]> figures = new ArrayList<>();
    private final Random random = new Random(7);
    private final FontMetrics probe;

    RenderedPage(int width, int height) {
        this.width = width;
        this.height = height;
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR).createGraphics();
        probe = g.getFontMetrics(new Font(Font.SERIF, Font.PLAIN, 20));
        g.dispose();
    }

    static Font body() {
        return new Font(Font.SERIF, Font.PLAIN, 20);
    }

    /** A block of {@code count} wrapped lines of random words, {@code width} px wide, top at y; ids prefix1..n. */
    List<String> block(String prefix, Font font, int x, int y, int width, int count) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR).createGraphics();
        FontMetrics m = g.getFontMetrics(font);
        g.dispose();
        List<String> ids = new ArrayList<>();
        int lineHeight = (int) Math.round(m.getHeight() * 1.25);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            while (true) {
                String word = WORDS[random.nextInt(WORDS.length)];
                String next = text.isEmpty() ? word : text + " " + word;
                if (m.stringWidth(next) > width) {
                    break;
                }
                text.setLength(0);
                text.append(next);
            }
            String id = prefix + (i + 1);
            // Column lines are justified, as in books and magazines; a block's last line is not.
            lines.add(new Line(id, text.toString(), font, x, y + i * lineHeight + m.getAscent(),
                    i + 1 < count ? width : 0));
            ids.add(id);
        }
        return ids;
    }

    /** One line of given text with its baseline at y. */
    String text(String id, String text, Font font, int x, int y) {
        lines.add(new Line(id, text, font, x, y, 0));
        return id;
    }

    void rule(int x0, int y0, int x1, int y1) {
        rules.add(new int[] {x0, y0, x1, y1});
    }

    void figure(int x, int y, int w, int h) {
        figures.add(new int[] {x, y, w, h});
    }

    int lineHeight() {
        return (int) Math.round(probe.getHeight() * 1.25);
    }

    String textOf(String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().text();
    }

    List<Line> lines() {
        return lines;
    }

    /** The page as a BGR mat, turned by {@code degrees} about its centre (white beyond the paper). */
    Mat render(double degrees) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        g.setColor(Color.GRAY);
        for (int[] f : figures) {
            g.fillRect(f[0], f[1], f[2], f[3]);
        }
        g.setColor(Color.BLACK);
        for (int[] r : rules) {
            g.drawLine(r[0], r[1], r[2], r[3]);
        }
        for (Line line : lines) {
            g.setFont(line.font());
            String[] words = line.text().split(" ");
            if (line.justify() == 0 || words.length < 2) {
                g.drawString(line.text(), (float) line.x(), (float) line.y());
                continue;
            }
            FontMetrics m = g.getFontMetrics();
            int ink = 0;
            for (String word : words) {
                ink += m.stringWidth(word);
            }
            double space = (line.justify() - ink) / (double) (words.length - 1);
            double x = line.x();
            for (String word : words) {
                g.drawString(word, (float) x, (float) line.y());
                x += m.stringWidth(word) + space;
            }
        }
        g.dispose();
        return RenderedText.toMat(image);
    }
}
