/**
 * Ingest, the nightly job's first stage: every file streets and districts dropped into the inbox
 * is recognised by content (SHA-256), read in bounded memory ({@code read}), matched to its
 * template by its header row ({@code template}), checked row by row ({@code validate}); good rows
 * go to staging, bad ones to the stewards' rejects with every reason, totals and signature lines
 * are skipped and counted. For every file: rows read = loaded + rejected + skipped.
 */
package cn.sanshe.pipeline.ingest;
