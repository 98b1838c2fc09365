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
    /** The threads that rendered (the report run renders editions ahead on a pool). */
    final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Path root;

    FakeRenderer(Path root) {
        this.root = root;
    }

    static String title(ReportRequest request) {
        String period = request.period();
        return request.yearly() ? "石家庄市三社联动监测年报（" + period + "年）"
                : "石家庄市三社联动监测月报（" + period.substring(0, 4) + "年" + Integer.parseInt(period.substring(5)) + "月）";
    }

    /** The figures the next computation gives (tests change them to simulate a late file). */
    volatile String figures = "A";
    final AtomicInteger runs = new AtomicInteger(100);
    final java.util.Map<Long, String> computed = new java.util.concurrent.ConcurrentHashMap<>();
    volatile java.time.LocalDateTime cutoff = java.time.LocalDateTime.of(2026, 11, 1, 2, 0);

    @Override
    public java.util.List<Long> compute(ReportRequest request) {
        long run = runs.incrementAndGet();
        computed.put(run, figures);
        return List.of(run);
    }

    @Override
    public RenderedReport rerender(List<Long> runIds, ReportRequest request) {
        return write(request, runIds);
    }

    /** One figure, "社区设施覆盖率", whose value is the figures' letter. */
    @Override
    public List<cn.sanshe.pipeline.reports.layout.FigureChange> changes(List<Long> before, List<Long> after) {
        String was = computed.getOrDefault(before.get(0), "?");
        String now = computed.getOrDefault(after.get(0), "?");
        return was.equals(now) ? List.of()
                : List.of(new cn.sanshe.pipeline.reports.layout.FigureChange("石家庄市 社区设施覆盖率", was, now));
    }

    @Override
    public java.time.LocalDateTime dataCutoff() {
        return cutoff;
    }

    @Override
    public RenderedReport render(ReportRequest request) {
        return write(request, compute(request));
    }

    private RenderedReport write(ReportRequest request, List<Long> runIds) {
        renders.incrementAndGet();
        threads.add(Thread.currentThread().getName());
        Path dir = root.resolve(request.period()).resolve(request.scope());
        cn.sanshe.pipeline.reports.layout.Marking.Kind kind = request.kind() == null
                ? cn.sanshe.pipeline.reports.layout.Marking.Kind.FINAL : request.kind();
        String title = title(request) + switch (kind) {
            case PROVISIONAL -> "（预览版·未截止）";
            case CORRECTION -> "（更正版）";
            default -> "";
        };
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
                dir.resolve("kpis.csv"), runIds, kind, "石家庄市", null, "达标 1 项 ／ 接近目标 0 项 ／ 未达标 0 项",
                List.of("社区综合服务设施覆盖率 50.0% → 60.0%（+10.0个百分点）"), request.changes(), cutoff);
    }

    /** One empty page; the marker (period and scope, as ASCII) tells attachments apart. */
    private static String pdf(String marker) {
        String ascii = marker.replaceAll("[^\\x20-\\x7e]", "");
        return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% " + ascii + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    }
}
