package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.reports.layout.FigureChange;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Renders a dashboard edition. Delivery and the schedules depend on this, not on JasperReports.
 */
public interface ReportRenderer {

    /** Computes and stores the figures, renders the PDF and writes kpis.json and kpis.csv beside it. */
    RenderedReport render(ReportRequest request);

    /**
     * Computes and stores the figures (and annex) an edition of the request would print, without
     * rendering it: the run ids, as {@link #rerender} takes them.
     */
    List<Long> compute(ReportRequest request);

    /**
     * Renders an edition again from stored runs (as {@link RenderedReport#runIds()} lists them), with
     * exactly their figures and annex, marked as the request's kind says.
     */
    RenderedReport rerender(List<Long> runIds, ReportRequest request);

    /**
     * The printed figures of an edition rendered from {@code after} that differ from the same
     * edition rendered from {@code before} (the data-quality annex aside), as leaders read them.
     */
    List<FigureChange> changes(List<Long> before, List<Long> after);

    /** The newest change among the inputs now (a file loaded, a master updated), or null: nothing can have changed since a run with this cut-off. */
    LocalDateTime dataCutoff();
}
