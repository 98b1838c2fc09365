/**
 * Where the partitioned steps (ingest and reconcile, one partition per district) run: on a local
 * thread pool sized from the machine ({@link cn.sanshe.pipeline.partition.Parallelism}), the
 * default; or, with {@code pipeline.partitioning.mode=remote}, on {@code worker} processes that take
 * the partitions from a JMS queue (Spring Batch Integration's remote partitioning over Apache
 * ActiveMQ Artemis) and share the job repository with the manager
 * ({@link cn.sanshe.pipeline.partition.DistrictPartitions}).
 */
package cn.sanshe.pipeline.partition;
