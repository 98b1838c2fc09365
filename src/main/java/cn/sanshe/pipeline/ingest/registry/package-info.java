/**
 * District registries read over JDBC: a district that exposes its registration system (D1) as a
 * table or view is pulled with a configured query, and the snapshot is dropped into the inbox as
 * a CSV — so it goes through the very same validation, accounting, de-duplication by content and
 * resubmission rules as a file a clerk sends, and the exact rows read stay on disk for audit.
 */
package cn.sanshe.pipeline.ingest.registry;
