package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.HeadlineRow;
import cn.sanshe.pipeline.reports.render.DashboardPdf;
import cn.sanshe.pipeline.reports.render.JasperTemplates;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

/** Every headline figure of the PDF links to the console page that explains it. */
class PdfFigureLinksTests {

    @Test
    void everyHeadlineFigureLinksToItsDrillDown() throws Exception {
        Path pdf = Path.of("target/test-work/pdf/links.pdf");
        Dashboard dashboard = DashboardBuilder.build(DashboardSamples.monthly(YearMonth.of(2026, 10)));
        new DashboardPdf(new JasperTemplates()).write(dashboard, pdf);
        List<String> uris = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
        }
        List<String> expected = dashboard.headline().stream().map(HeadlineRow::link)
                .map(link -> "http://127.0.0.1:8080" + link).toList();
        assertThat(expected).isNotEmpty().allMatch(link -> link.startsWith("http://127.0.0.1:8080/explain/2026-10/"
                + DashboardSamples.CITY + "/"));
        assertThat(uris).containsExactlyInAnyOrderElementsOf(expected);
        System.out.println("PDF figure links: " + uris.size() + ", e.g. " + uris.get(0));
    }
}
