/**
 * Cross-cutting plumbing: the embedded MariaDB that makes the application run with nothing
 * installed, and progress reporting for long work.
 */
package cn.sanshe.pipeline.system;
