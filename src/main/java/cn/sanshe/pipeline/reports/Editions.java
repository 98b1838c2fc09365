package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.RecordNotFound;
import cn.sanshe.pipeline.delivery.DeliveryProperties;
import cn.sanshe.pipeline.delivery.DeliveryProperties.Edition;
import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The rendered dashboards as the console shows them: every edition rendered under
 * {@code pipeline.reports} (one folder per period and scope: the PDF, kpis.json, kpis.csv), only
 * those whose scope lies inside the user's jurisdiction; with each recipient of the configured
 * editions and what the delivery log says they were sent; and the resend of an uncertain mail.
 */
@Service
public class Editions {

    private static final Logger log = LoggerFactory.getLogger(Editions.class);

    private final PipelineProperties paths;
    private final DeliveryProperties delivery;
    private final ReportRun reports;
    private final JdbcTemplate jdbc;
    private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("console-resend-");

    Editions(PipelineProperties paths, DeliveryProperties delivery, ReportRun reports, JdbcTemplate jdbc) {
        this.paths = paths;
        this.delivery = delivery;
        this.reports = reports;
        this.jdbc = jdbc;
    }

    /** One rendered dashboard. */
    public record Rendered(String period, String scope, String title, Path pdf, Path kpisJson, Path kpisCsv,
            List<String> editionNames, List<Sent> recipients) {

        public boolean yearly() {
            return period.length() == 4;
        }
    }

    /** One recipient of an edition and what the delivery log says. */
    public record Sent(String edition, String name, String address, String state, int attempts, LocalDateTime sentAt,
            String lastError) {

        public boolean uncertain() {
            return "sending".equals(state);
        }
    }

    public List<Rendered> list(Jurisdiction jurisdiction, String period, String scope) {
        Path root = paths.reports();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Rendered> found = new ArrayList<>();
        try (Stream<Path> periods = Files.list(root)) {
            for (Path periodDir : periods.filter(Files::isDirectory).toList()) {
                String p = periodDir.getFileName().toString();
                if (!p.matches("\\d{4}(-\\d{2})?") || (period != null && !period.isBlank() && !period.equals(p))) {
                    continue;
                }
                try (Stream<Path> scopes = Files.list(periodDir)) {
                    for (Path scopeDir : scopes.filter(Files::isDirectory).toList()) {
                        String s = scopeDir.getFileName().toString();
                        if (s.matches("\\d{12}") && jurisdiction.covers(s)
                                && (scope == null || scope.isBlank() || scope.equals(s))) {
                            rendered(p, s).ifPresent(found::add);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Rendered::period).reversed().thenComparing(Rendered::scope));
        return found;
    }

    /** One rendered edition inside the jurisdiction, or 404. */
    public Rendered one(Jurisdiction jurisdiction, String period, String scope) {
        if (period == null || !period.matches("\\d{4}(-\\d{2})?") || scope == null || !scope.matches("\\d{12}")
                || !jurisdiction.covers(scope)) {
            throw new RecordNotFound("edition " + period + " " + scope);
        }
        return rendered(period, scope).orElseThrow(() -> new RecordNotFound("edition " + period + " " + scope));
    }

    /** The file of an edition to download: pdf, kpis.json or kpis.csv. */
    public Path file(Jurisdiction jurisdiction, String period, String scope, String kind) {
        Rendered edition = one(jurisdiction, period, scope);
        Path file = switch (kind) {
            case "pdf" -> edition.pdf();
            case "kpis.json" -> edition.kpisJson();
            case "kpis.csv" -> edition.kpisCsv();
            default -> null;
        };
        if (file == null || !Files.isRegularFile(file)) {
            throw new RecordNotFound("file " + kind);
        }
        return file;
    }

    /**
     * Operators' decision that an uncertain mail (its sender died while the server had it) did not
     * arrive: the row goes back to failed, as {@code deliver --resend-uncertain} does for a whole
     * period, and the period's delivery runs in the background, which sends it and nothing that
     * was already sent. False when the mail is not uncertain (any more).
     */
    public boolean resendUncertain(Jurisdiction jurisdiction, String period, String scope, String edition,
            String recipient) {
        Rendered rendered = one(jurisdiction, period, scope);
        if (!rendered.editionNames().contains(edition)) {
            throw new RecordNotFound("edition " + edition);
        }
        int released = jdbc.update("""
                UPDATE delivery_log SET state = 'failed', last_error = '运维确认未收到，允许重发'
                WHERE edition = ? AND period = ? AND recipient = ? AND state = 'sending'""", edition, period, recipient);
        if (released == 0) {
            return false;
        }
        log.info("uncertain mail of edition {} period {} released for resending by an operator", edition, period);
        background.execute(() -> {
            try {
                reports.run(period);
            } catch (Exception e) {
                log.warn("resend of period {} failed: {}", period, e.getMessage());
            }
        });
        return true;
    }

    private java.util.Optional<Rendered> rendered(String period, String scope) {
        Path folder = paths.reports().resolve(period).resolve(scope);
        Path pdf;
        try (Stream<Path> files = Files.list(folder)) {
            pdf = files.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        if (pdf == null) {
            return java.util.Optional.empty();
        }
        String title = pdf.getFileName().toString().replaceFirst("\\.pdf$", "");
        List<Edition> editions = delivery.editions().stream()
                .filter(e -> e.scope().equals(scope) && (period.length() == 4) == (e.cadence() == DeliveryProperties.Cadence.YEARLY))
                .toList();
        List<Sent> sent = new ArrayList<>();
        for (Edition edition : editions) {
            for (DeliveryProperties.Recipient recipient : edition.recipients()) {
                List<Sent> row = jdbc.query("""
                        SELECT state, attempts, sent_at, last_error FROM delivery_log
                        WHERE edition = ? AND period = ? AND recipient = ?""",
                        (rs, i) -> new Sent(edition.name(), recipient.name(), recipient.address(), rs.getString(1),
                                rs.getInt(2), rs.getObject(3, LocalDateTime.class), rs.getString(4)),
                        edition.name(), period, recipient.address());
                sent.add(row.isEmpty() ? new Sent(edition.name(), recipient.name(), recipient.address(), null, 0, null, null)
                        : row.get(0));
            }
        }
        return java.util.Optional.of(new Rendered(period, scope, title, pdf, folder.resolve("kpis.json"),
                folder.resolve("kpis.csv"), editions.stream().map(Edition::name).toList(), sent));
    }
}
