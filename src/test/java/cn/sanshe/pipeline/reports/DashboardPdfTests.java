package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.render.DashboardPdf;
import cn.sanshe.pipeline.reports.render.JasperTemplates;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The templates filled from an in-memory edition, without a database: layout and text only. */
class DashboardPdfTests {

    static final Path OUT = Path.of("target/test-work/pdf");

    @Test
    void monthlyAndYearly() throws Exception {
        DashboardPdf pdf = new DashboardPdf(new JasperTemplates());
        Dashboard monthly = DashboardBuilder.build(DashboardSamples.monthly(YearMonth.of(2026, 10)));
        DashboardPdf.Timing m = pdf.write(monthly, OUT.resolve("monthly.pdf"));
        Dashboard yearly = DashboardBuilder.build(DashboardSamples.yearly(2026));
        DashboardPdf.Timing y = pdf.write(yearly, OUT.resolve("yearly.pdf"));
        assertThat(m.pages()).isGreaterThan(1);
        assertThat(y.pages()).isGreaterThan(1);
    }
}
