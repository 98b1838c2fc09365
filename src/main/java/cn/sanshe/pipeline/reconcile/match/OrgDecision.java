package cn.sanshe.pipeline.reconcile.match;

/** What becomes of a row: joins a master, or starts one (possibly with a pair for review). */
public sealed interface OrgDecision {

    /** @param how credit_code, name or score */
    record Join(long masterId, String how, double score) implements OrgDecision {
    }

    /** A new master; {@code reviewWith} is a master a steward should compare it with, or null. */
    record Start(Long reviewWith, double score, String evidence) implements OrgDecision {
    }
}
