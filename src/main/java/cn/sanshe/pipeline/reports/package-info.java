/**
 * Reports, the fourth stage: the indicators of a scope and period rendered as a JasperReports dashboard
 * (templates in {@code report-templates/}), with kpis.json and kpis.csv of exactly the printed figures.
 */
package cn.sanshe.pipeline.reports;
