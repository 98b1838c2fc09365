/**
 * Indicators, the third stage: the figures of metrics.md for a scope (any node of the division
 * tree, with one set per child unit) and a month-end period, judged against a target profile.
 *
 * <p>Figures come from master records and from the staged rows of sheets still in force, as they
 * stood at the end of the month: each community, street and district keeps the latest value it
 * sent up to then, and a street's latest ledger (S2) or roster (S3) is its whole list. The SQL is
 * set-based (one GROUP BY … WITH ROLLUP per question gives the child units and the scope at once),
 * so a city of thousands of communities or a province costs a handful of queries. Every computed
 * set can be stored as a run and read back unchanged, for reports rendered again later.
 */
package cn.sanshe.pipeline.indicators;
