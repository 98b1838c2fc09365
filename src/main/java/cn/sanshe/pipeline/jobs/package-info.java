/**
 * Running Spring Batch jobs for operators: start one and report its outcome in words, list and
 * show executions, restart a failed or crashed one where it stopped, stop a running one.
 * {@code jobs list|show|restart|stop} on the command line.
 */
package cn.sanshe.pipeline.jobs;
