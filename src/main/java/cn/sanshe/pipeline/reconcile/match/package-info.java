/**
 * Who is the same organization, as pure functions over an in-memory index of one district's
 * masters: name normalisation, pinyin and edit-distance similarity, the score and its two
 * thresholds. No database here, so the rules can be tested on millions of pairs.
 */
package cn.sanshe.pipeline.reconcile.match;
