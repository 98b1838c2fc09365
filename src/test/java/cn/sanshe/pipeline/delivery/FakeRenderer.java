package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.reports.RenderedReport;
import cn.sanshe.pipeline.reports.ReportRenderer;
import cn.sanshe.pipeline.reports.ReportRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for the JasperReports renderer: a tiny valid PDF named after a Chinese title. */
class FakeRenderer implements ReportRenderer {

    final AtomicInteger renders = new AtomicInteger();
    private final Path root;

    FakeRenderer(Path root) {
        this.root = root;
    }

    static String title(ReportRequest request) {
        String period = request.period();
        return request.yearly() ? "石家庄市三社联动监测年报（" + period + "年）"
                : "石家庄市三社联动监测月报（" + period.substring(0, 4) + "年" + Integer.parseInt(period.substring(5)) + "月）";
    }

    @Override
    public RenderedReport render(ReportRequest request) {
        renders.incrementAndGet();
        Path dir = root.resolve(request.period()).resolve(request.scope());
        String title = title(request);
        Path pdf = dir.resolve(title + ".pdf");
        try {
            Files.createDirectories(dir);
            Files.writeString(pdf, pdf(title + " " + request.scope()), StandardCharsets.ISO_8859_1);
            Files.writeString(dir.resolve("kpis.json"), "[]");
            Files.writeString(dir.resolve("kpis.csv"), "indicator\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedReport(request, title, "shijiazhuang-2020", pdf, dir.resolve("kpis.json"),
                dir.resolve("kpis.csv"), List.of(1L));
    }

    /** One empty page; the marker (period and scope, as ASCII) tells attachments apart. */
    private static String pdf(String marker) {
        String ascii = marker.replaceAll("[^\\x20-\\x7e]", "");
        return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% " + ascii + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    }
}
