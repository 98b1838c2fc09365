/**
 * The national identifiers of identifiers.md: division codes (统计用区划代码), unified social
 * credit codes (GB 32100) and resident identity numbers (GB 11643). Pure functions, no Spring:
 * ingest validates with them, reconcile matches on their normalised forms, reports mask with them.
 */
package cn.sanshe.pipeline.identifiers;
