/**
 * Row validation, ingest's third step: each row below a recognised header is skipped (blank,
 * 合计, signature lines), rejected with every reason a street clerk needs to fix it, or loaded as
 * column id → typed value. Cell parsing ({@link cn.sanshe.pipeline.ingest.validate.Values}) is a
 * set of pure functions; rules across columns and against the division reference and the sending
 * unit sit beside it. No Spring here: the batch step wires it.
 */
package cn.sanshe.pipeline.ingest.validate;
