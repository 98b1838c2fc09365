/**
 * Loading pending files, one district at a time (a partition): the reader turns each file into
 * a stream of items (sheet starts, rows, file ends), the checker validates rows, the writer puts
 * good rows into staging with {@code LOAD DATA}, bad ones into rejects, and keeps the accounting
 * of every sheet in the same transaction — so a restart after a crash resumes exactly.
 */
package cn.sanshe.pipeline.ingest.load;
