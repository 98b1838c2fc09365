/**
 * How partitioned steps (ingest and reconcile, one partition per district) spread their work: on a
 * local thread pool sized from the machine ({@link cn.sanshe.pipeline.partition.Parallelism}), the
 * default.
 */
package cn.sanshe.pipeline.partition;
