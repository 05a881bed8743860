package io.pero.ocr.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The page's printed rules in the deskewed frame, and the frames they close: boxes with a rule on each of their four
 * sides (a bordered sidebar or advertisement, a boxed group of table columns). A rule between two pieces of text is
 * a border, and the text inside a frame is read as a unit of its own. Distances are in line heights.
 */
final class Rules {
    /**
     * Pieces of one vertical rule lie within this many line heights of each other end to end, on one line: a table's
     * side or column rule is interrupted for a few lines where a sub-heading crosses it, or eroded in the scan.
     */
    static final double JOIN_GAP_VERTICAL = 4;
    /**
     * Pieces of one horizontal rule lie closer than this many line heights: two boxes set side by side a line height
     * apart each keep their own top and bottom rules.
     */
    static final double JOIN_GAP_HORIZONTAL = 0.3;
    /** Pieces of one rule lie on one line to within this many line heights. */
    static final double COLLINEAR = 0.25;
    /** Rules this close (in line heights) across their length are on one line, and corners meet within it. */
    static final double ALIGN = 0.5;
    /** A frame's side is ruled along at least this share of its length: corners can be rounded or broken. */
    static final double SIDE_COVER = 0.8;
    /**
     * A box's closing rule lies within this many line heights of where its sides end: corners can be rounded,
     * broken, or doubled by an outer border.
     */
    static final double CORNER = 2;
    /**
     * The two sides of one box start and end level, to within this many line heights (a corner's curve, the scan's
     * blur); rules of neighbouring boxes that merely line up with each other differ by more.
     */
    static final double SIDE_MATCH = 0.5;
    /** A frame is at least this many line heights wide and high: a smaller box is a check box or a bullet. */
    static final double MIN_FRAME = 2;

    static final Rules NONE = new Rules(List.of(), List.of(), List.of());

    /** A frame's inside. */
    record Frame(double x0, double y0, double x1, double y1) {
        boolean contains(double x, double y) {
            return x > x0 && x < x1 && y > y0 && y < y1;
        }

        double area() {
            return (x1 - x0) * (y1 - y0);
        }

        boolean inside(Frame other) {
            return x0 >= other.x0 && x1 <= other.x1 && y0 >= other.y0 && y1 <= other.y1 && !equals(other);
        }
    }

    private final List<Ruling> vertical;
    private final List<Ruling> horizontal;
    private final List<Frame> frames;

    private Rules(List<Ruling> vertical, List<Ruling> horizontal, List<Frame> frames) {
        this.vertical = vertical;
        this.horizontal = horizontal;
        this.frames = frames;
    }

    /** @param rulings rules already in the deskewed frame */
    static Rules of(List<Ruling> rulings, double lineHeight) {
        if (rulings.isEmpty()) {
            return NONE;
        }
        List<Ruling> vertical = joined(rulings.stream().filter(Ruling::vertical).toList(), true, lineHeight);
        List<Ruling> horizontal = joined(rulings.stream().filter(r -> !r.vertical()).toList(), false, lineHeight);
        return new Rules(vertical, horizontal, outermost(withoutGrids(frames(vertical, horizontal, lineHeight))));
    }

    /** Whether a vertical rule stands between x0 and x1 at height y. */
    boolean verticalBetween(double x0, double x1, double y) {
        return verticalAt(x0, x1, y) != null;
    }

    /** The vertical rule standing between x0 and x1 at height y, or null. */
    Ruling verticalAt(double x0, double x1, double y) {
        for (Ruling r : vertical) {
            double x = (r.x0() + r.x1()) / 2;
            if (x > x0 && x < x1 && r.minY() <= y && r.maxY() >= y) {
                return r;
            }
        }
        return null;
    }

    /** Whether a horizontal rule between heights y0 and y1 runs under at least half of [x0, x1]. */
    boolean horizontalBetween(double y0, double y1, double x0, double x1) {
        for (Ruling r : horizontal) {
            double y = (r.y0() + r.y1()) / 2;
            double covered = Math.min(x1, r.maxX()) - Math.max(x0, r.minX());
            if (y > y0 && y < y1 && covered >= 0.5 * (x1 - x0)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the frame round (x, y), or -1 outside every frame. */
    int frameOf(double x, double y) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The frame whose border runs on below it beside the box (x0, y0, x1, y1), or -1: a coupon or order form under an
     * advertisement is closed on one side by the advertisement's outer rule continuing down past the inner frame's
     * corner, while its other sides are dashed or cut. The box lies below the frame and within its width (to within
     * {@link #CORNER}), and a vertical rule within {@link #CORNER} of one of the frame's sides reaches from the frame
     * down to the box's middle.
     */
    int frameContinuedBeside(double x0, double y0, double x1, double y1, double lineHeight) {
        double corner = CORNER * lineHeight;
        double middle = (y0 + y1) / 2;
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            if (y0 < f.y1() - corner || x0 < f.x0() - corner || x1 > f.x1() + corner) {
                continue;
            }
            for (Ruling r : vertical) {
                double x = (r.x0() + r.x1()) / 2;
                boolean atSide = Math.abs(x - f.x0()) <= corner || Math.abs(x - f.x1()) <= corner;
                if (atSide && r.minY() <= f.y1() && r.maxY() >= f.y0() && r.maxY() >= middle) {
                    return i;
                }
            }
        }
        return -1;
    }

    List<Frame> frames() {
        return frames;
    }

    /** Collinear pieces of one rule, end to end with small gaps, joined into one. */
    private static List<Ruling> joined(List<Ruling> rules, boolean vertical, double lineHeight) {
        List<Ruling> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingDouble(r -> vertical ? r.minY() : r.minX()));
        List<Ruling> out = new ArrayList<>();
        boolean[] used = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) {
                continue;
            }
            Ruling a = sorted.get(i);
            double across = vertical ? (a.x0() + a.x1()) / 2 : (a.y0() + a.y1()) / 2;
            double from = vertical ? a.minY() : a.minX();
            double to = vertical ? a.maxY() : a.maxX();
            for (int j = i + 1; j < sorted.size(); j++) {
                Ruling b = sorted.get(j);
                double bAcross = vertical ? (b.x0() + b.x1()) / 2 : (b.y0() + b.y1()) / 2;
                double bFrom = vertical ? b.minY() : b.minX();
                if (!used[j] && Math.abs(bAcross - across) <= COLLINEAR * lineHeight
                        && bFrom - to <= (vertical ? JOIN_GAP_VERTICAL : JOIN_GAP_HORIZONTAL) * lineHeight) {
                    used[j] = true;
                    to = Math.max(to, vertical ? b.maxY() : b.maxX());
                }
            }
            out.add(vertical ? new Ruling(across, from, across, to) : new Ruling(from, across, to, across));
        }
        return out;
    }

    /**
     * Boxes closed by rules: two vertical rules that start and end together (within {@link #CORNER}) as the left and
     * right sides, and a horizontal rule across most of the width at the top or the bottom, ending at the corners.
     * One closed end is enough: the other is often a heading set into the border or a dashed coupon line.
     */
    private static List<Frame> frames(List<Ruling> vertical, List<Ruling> horizontal, double lineHeight) {
        double corner = CORNER * lineHeight;
        List<Frame> found = new ArrayList<>();
        for (Ruling left : vertical) {
            for (Ruling right : vertical) {
                double x0 = left.x0();
                double x1 = right.x0();
                double sideMatch = SIDE_MATCH * lineHeight;
                if (x1 - x0 < MIN_FRAME * lineHeight || Math.abs(left.minY() - right.minY()) > sideMatch
                        || Math.abs(left.maxY() - right.maxY()) > sideMatch) {
                    continue;
                }
                double y0 = Math.min(left.minY(), right.minY());
                double y1 = Math.max(left.maxY(), right.maxY());
                if (y1 - y0 < MIN_FRAME * lineHeight) {
                    continue;
                }
                double top = y0;
                double bottom = y1;
                boolean closed = false;
                for (Ruling h : horizontal) {
                    double y = h.y0();
                    double covered = Math.min(x1, h.maxX()) - Math.max(x0, h.minX());
                    // A box's closing rule ends at its corners; a rule running on past them (across the page, over
                    // a row of boxes) is not this box's side, and column rules hanging from it are not boxes.
                    if (covered < SIDE_COVER * (x1 - x0) || h.minX() < x0 - corner || h.maxX() > x1 + corner) {
                        continue;
                    }
                    if (Math.abs(y - y0) <= corner) {
                        top = Math.min(top, y);
                        closed = true;
                    } else if (Math.abs(y - y1) <= corner) {
                        bottom = Math.max(bottom, y);
                        closed = true;
                    }
                }
                if (closed) {
                    found.add(new Frame(x0, top, x1, bottom));
                }
            }
        }
        return found;
    }

    /**
     * A frame round two or more boxes that stand apart is the outline of a grid of boxes (a table's boxed column
     * groups): each box is a unit of its own. A frame round a single box is that box's outer border.
     */
    private static List<Frame> withoutGrids(List<Frame> frames) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            List<Frame> inner = frames.stream().filter(g -> g.inside(f)).toList();
            boolean grid = false;
            for (Frame a : inner) {
                for (Frame b : inner) {
                    grid |= a.x1() <= b.x0() || a.y1() <= b.y0();
                }
            }
            if (!grid) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Frames not inside a larger one (by their centre, so that a rule drawn a little past a corner does not matter):
     * a ruled table inside a box is read with the box.
     */
    private static List<Frame> outermost(List<Frame> frames) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : frames) {
            boolean inner = false;
            for (Frame g : frames) {
                inner |= g.area() > f.area() && g.contains((f.x0() + f.x1()) / 2, (f.y0() + f.y1()) / 2);
            }
            if (!inner && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
