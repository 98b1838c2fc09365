/**
 * Linking staged rows to masters, one district at a time (a partition; two run side by side):
 * organization rows not linked before are read in period order (the registry before the street
 * ledger within a month), matched against the district's masters in memory, and linked — a new
 * master where none matches. Worker rows need no matching in Java (the identity number is the
 * key): they are linked by set-based statements, a month at a time. A linked row is never read
 * again, so a re-run over the same data changes nothing and a restart simply continues.
 */
package cn.sanshe.pipeline.reconcile.link;
