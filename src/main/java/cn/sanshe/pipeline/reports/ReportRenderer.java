package cn.sanshe.pipeline.reports;

/**
 * Renders a dashboard edition. Delivery and the schedules depend on this, not on JasperReports.
 */
public interface ReportRenderer {

    /** Computes and stores the figures, renders the PDF and writes kpis.json and kpis.csv beside it. */
    RenderedReport render(ReportRequest request);
}
