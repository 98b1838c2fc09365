/**
 * Known truth for reconcile: a generator that writes staging rows straight into the database, as
 * ingest would have loaded them, remembering which rows are the same real organization or worker
 * ({@link cn.sanshe.pipeline.reconcile.truth.TruthGenerator}), and the scores that judge the
 * master records reconcile made of them ({@link cn.sanshe.pipeline.reconcile.truth.PairwiseScore},
 * {@link cn.sanshe.pipeline.reconcile.truth.ConflictCheck}).
 *
 * <p>The noise is the one identifiers.md describes: street ledgers that leave out credit codes and
 * write names with place prefixes, other brackets, spaces, a homophone or a slip of one character;
 * look-alike organizations in the same community; filed organizations that register; registries
 * that cancel what streets still list; workers on two rosters in one month, certificates claimed
 * but not registered, and one certificate number under two identity numbers.
 */
package cn.sanshe.pipeline.reconcile.truth;
