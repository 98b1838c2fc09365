package cn.sanshe.pipeline.reports.layout;

import java.util.List;

/**
 * What kind of edition is printed: the final one of a period that has closed, a provisional one
 * (预览版 · 未截止: the period is still open, figures will change) or a correction (更正版) of a
 * delivered edition, with the figures that changed.
 */
public record Marking(Kind kind, List<FigureChange> changes) {

    public enum Kind { FINAL, PROVISIONAL, CORRECTION }

    public static final Marking FINAL = new Marking(Kind.FINAL, List.of());
    public static final Marking PROVISIONAL = new Marking(Kind.PROVISIONAL, List.of());

    public Marking {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static Marking correction(List<FigureChange> changes) {
        return new Marking(Kind.CORRECTION, changes);
    }
}
