package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.indicators.ScaleCity;
import cn.sanshe.pipeline.reports.ReportRequest;
import cn.sanshe.pipeline.reports.ReportService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly city edition of a city of 10 districts, 150 streets and 2,000 communities (a year of
 * S1–S4 and D1–D3 with 20,000 organizations and 16,000 workers as master records), rendered cold
 * once and then warm {@code --runs} times: per render the seconds in indicator queries (compute and
 * store the figures, the street annex), in filling the templates and in the PDF export. Target:
 * under 3 s warm (the median). The baseline in the same run is the fill + export of the same
 * edition, so the share of each part is read from one machine state.
 *
 * <p>Nothing is asserted; the figures are printed and kept in {@code target/bench/render-benchmark.txt}.
 * Own database under {@code target/bench-db/render}. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec@render-benchmark}.
 */
public final class RenderBenchmark {

    static final double TARGET_SECONDS = 3.0;

    public static void main(String[] args) throws Exception {
        int runs = Arrays.stream(args).filter(a -> a.startsWith("--runs=")).map(a -> Integer.parseInt(a.substring(7)))
                .findFirst().orElse(7);
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--pipeline.embedded-db.data-dir=target/bench-db/render/data",
                        "--pipeline.embedded-db.base-dir=target/bench-db/render/server",
                        "--pipeline.embedded-db.fresh-start=true", "--logging.file.name=target/bench-render.log")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            new ScaleCity(jdbc, ScaleCity.Shape.BENCHMARK).build(1);
            Integer streets = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE level = 'street' AND code LIKE '93%'",
                    Integer.class);
            Integer communities = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM division WHERE level = 'community' AND code LIKE '93%'", Integer.class);
            lines.add(String.format(Locale.ROOT, "city %s: 10 districts, %d streets, %d communities; built in %.1f s",
                    ScaleCity.FIRST_CITY, streets, communities, (System.nanoTime() - start) / 1e9));
            lines.add("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
            ReportService reports = context.getBean(ReportService.class);
            ReportRequest request = new ReportRequest("2026-06", ScaleCity.FIRST_CITY, "shijiazhuang-2020",
                    Path.of("target/bench/render"));
            lines.add("run    total s  indicators s  fill s  export s  pages");
            List<ReportService.Timed> warm = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                ReportService.Timed timed = reports.renderTimed(request);
                lines.add(String.format(Locale.ROOT, "%-5s  %7.3f  %12.3f  %6.3f  %8.3f  %5d", run == 0 ? "cold" : run,
                        seconds(total(timed)), seconds(timed.indicatorNanos()), seconds(timed.fillNanos()),
                        seconds(timed.exportNanos()), timed.pages()));
                System.out.println(lines.get(lines.size() - 1));
                if (run > 0) {
                    warm.add(timed);
                }
            }
            warm.sort((a, b) -> Long.compare(total(a), total(b)));
            ReportService.Timed median = warm.get(warm.size() / 2);
            double total = seconds(total(median));
            lines.add(String.format(Locale.ROOT,
                    "warm median %.3f s (target < %.1f s: %s): indicator queries %.0f %%, filling %.0f %%, PDF export %.0f %%",
                    total, TARGET_SECONDS, total < TARGET_SECONDS ? "met" : "NOT met",
                    100 * seconds(median.indicatorNanos()) / total, 100 * seconds(median.fillNanos()) / total,
                    100 * seconds(median.exportNanos()) / total));
            lines.add(String.format(Locale.ROOT, "baseline (fill + export of the same edition): %.3f s; whole render = %.2f × baseline",
                    seconds(median.fillNanos() + median.exportNanos()),
                    total / seconds(median.fillNanos() + median.exportNanos())));
            lines.add("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.write(Path.of("target/bench/render-benchmark.txt"), lines);
        System.out.println();
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static long total(ReportService.Timed timed) {
        return timed.indicatorNanos() + timed.fillNanos() + timed.exportNanos();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
