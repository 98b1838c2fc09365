/**
 * Reconcile, the second stage: one master record per real organization and per real worker.
 * Staged rows are linked to masters by exact keys first (credit code, identity number), then by
 * normalised name, then by a score for near-identical names ({@code match}); each master's fields
 * are chosen field by field by the survivorship rules of identifiers.md, remembering the source
 * row of each; conflicts and doubtful pairs go to stewards, whose decisions are data.
 */
package cn.sanshe.pipeline.reconcile;
