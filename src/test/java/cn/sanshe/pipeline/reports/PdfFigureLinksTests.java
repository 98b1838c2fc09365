package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reports.layout.Cell;
import cn.sanshe.pipeline.reports.layout.ContextFigure;
import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.Formats;
import cn.sanshe.pipeline.reports.layout.HeadlineRow;
import cn.sanshe.pipeline.reports.layout.SectionView;
import cn.sanshe.pipeline.reports.layout.TableRow;
import cn.sanshe.pipeline.reports.render.DashboardPdf;
import cn.sanshe.pipeline.reports.render.JasperTemplates;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the PDF links to the console page that explains it: page 1's headline figures
 * and context tiles, every figure cell of every section table and of the data-quality annex (a
 * district's line to the district's figure, the total line to the scope's), each link on the very
 * cell that prints its figure. ({@code console.PdfLinksLandTests} follows them in the console.)
 */
class PdfFigureLinksTests {

    static final String CONSOLE = "http://127.0.0.1:8080";

    @Test
    void everyHeadlineFigureLinksToItsDrillDown() throws Exception {
        Path pdf = Path.of("target/test-work/pdf/links.pdf");
        Dashboard dashboard = DashboardBuilder.build(DashboardSamples.monthly(YearMonth.of(2026, 10)));
        new DashboardPdf(new JasperTemplates()).write(dashboard, pdf);
        List<String> uris = uris(pdf);
        List<String> expected = dashboard.headline().stream().map(HeadlineRow::link).map(link -> CONSOLE + link).toList();
        assertThat(expected).isNotEmpty().allMatch(link -> link.startsWith("http://127.0.0.1:8080/explain/2026-10/"
                + DashboardSamples.CITY + "/"));
        assertThat(uris).containsAll(expected);
        System.out.println("PDF figure links: " + uris.size() + ", e.g. " + uris.get(0));
    }

    @Test
    void everyFigureCellOfTheSectionsAndTheAnnexCarriesTheLinkToItsUnitsFigure() throws Exception {
        Path pdf = Path.of("target/test-work/pdf/links-all.pdf");
        Dashboard dashboard = DashboardBuilder.build(DashboardSamples.monthly(YearMonth.of(2026, 10)));
        DashboardPdf renderer = new DashboardPdf(new JasperTemplates());
        renderer.write(dashboard, pdf);

        // What the layout says each link is on: the figure's printed text.
        Map<String, Set<String>> textsByLink = new HashMap<>();
        List<String> expected = new ArrayList<>();
        int cells = 0;
        for (HeadlineRow row : dashboard.headline()) {
            expect(textsByLink, expected, row.link(), row.value());
        }
        for (ContextFigure figure : dashboard.context()) {
            expect(textsByLink, expected, figure.link(), "无数据".equals(figure.value()) || Formats.NONE.equals(figure.value())
                    ? figure.value() : figure.value() + " " + figure.unit());
        }
        List<SectionView> sections = new ArrayList<>(dashboard.sections());
        sections.add(dashboard.quality());
        for (SectionView section : sections) {
            for (TableRow row : section.rows()) {
                for (int i = 0; i < row.cells().size(); i++) {
                    Cell cell = row.cells().get(i);
                    assertThat(cell.link()).as("%s %s column %d has a figure, so a link", section.title(), row.unit(), i)
                            .isNotNull();
                    String indicatorAndVariant = section.headers().get(i);
                    assertThat(cell.link()).as("%s of %s", indicatorAndVariant, row.unit())
                            .startsWith("/explain/2026-10/" + row.unitCode() + "/");
                    expect(textsByLink, expected, cell.link(), cell.text());
                    cells++;
                }
            }
        }
        assertThat(cells).as("cells of the four sections and the annex, four lines each").isGreaterThan(100);

        // What the filled pages carry: each linked text is the figure its link explains.
        List<String> printed = new ArrayList<>();
        JasperPrint print = renderer.fill(dashboard);
        for (JRPrintPage page : print.getPages()) {
            linked(page.getElements(), textsByLink, printed);
        }
        assertThat(printed).containsExactlyInAnyOrderElementsOf(expected);
        // And the PDF keeps them as link annotations to the console.
        assertThat(uris(pdf)).containsExactlyInAnyOrderElementsOf(expected.stream().map(link -> CONSOLE + link).toList());
        System.out.println("PDF figure links: " + expected.size() + " (" + dashboard.headline().size() + " on page 1, "
                + dashboard.context().size() + " context tiles, " + cells + " table cells), over "
                + print.getPages().size() + " pages");
    }

    private static void expect(Map<String, Set<String>> textsByLink, List<String> expected, String link, String text) {
        assertThat(link).isNotNull();
        textsByLink.computeIfAbsent(link, k -> new HashSet<>()).add(text);
        expected.add(link);
    }

    private static void linked(List<JRPrintElement> elements, Map<String, Set<String>> textsByLink, List<String> printed) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintFrame frame) {
                linked(frame.getElements(), textsByLink, printed);
            } else if (element instanceof JRPrintText text && text.getHyperlinkReference() != null) {
                String link = text.getHyperlinkReference().substring(CONSOLE.length());
                assertThat(text.getHyperlinkReference()).startsWith(CONSOLE + "/explain/");
                assertThat(textsByLink).as("a link the layout knows").containsKey(link);
                assertThat(textsByLink.get(link)).as("the text carrying %s", link).contains(text.getFullText());
                printed.add(link);
            }
        }
    }

    private static List<String> uris(Path pdf) throws Exception {
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
        return uris;
    }
}
