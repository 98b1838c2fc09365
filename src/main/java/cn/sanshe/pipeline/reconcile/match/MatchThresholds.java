package cn.sanshe.pipeline.reconcile.match;

/**
 * The two thresholds of the score for near-identical names: at or above {@code merge} the row
 * joins the master; from {@code review} up to it, a steward decides; below, distinct.
 */
public record MatchThresholds(double merge, double review) {

    public static final MatchThresholds DEFAULT = new MatchThresholds(0.90, 0.70);

    public MatchThresholds {
        if (!(review > 0 && review <= merge && merge <= 1)) {
            throw new IllegalArgumentException("need 0 < review ≤ merge ≤ 1, got " + review + " / " + merge);
        }
    }
}
