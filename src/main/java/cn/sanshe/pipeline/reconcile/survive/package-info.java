/**
 * Survivorship: each master's fields chosen from its rows still in force, field by field, by
 * identifiers.md's rules, with the row each value came from remembered. Masters whose rows
 * changed are marked dirty by linking and recomputed here in batches, each its own transaction.
 */
package cn.sanshe.pipeline.reconcile.survive;
