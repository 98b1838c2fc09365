package cn.sanshe.pipeline.ingest.submissions;

import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.RecordNotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What each unit of a jurisdiction sent, month by month and template by template: streets the
 * street templates (S1–S4), districts the district ones (D1–D3). A template is on time when its
 * first file arrived within {@code pipeline.submissions.due-days} days after the month's end
 * (jobs/pipeline.yml), late after that, missing when nothing came and the day has passed; with
 * the share of rows rejected and the rejects still open with the stewards, and whether a reminder
 * mail asked for it (submission_reminder, V26). A cell opens the files and their accounting.
 * Reminders ({@code delivery.Reminders}) read the same cells: one rule decides what is missing.
 */
@Service
public class Submissions {

    public static final List<String> STREET_TEMPLATES = List.of("S1", "S2", "S3", "S4");
    static final List<String> DISTRICT_TEMPLATES = List.of("D1", "D2", "D3");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final int dueDays;
    private final Clock clock;

    Submissions(JdbcTemplate jdbc, @Value("${pipeline.submissions.due-days:5}") int dueDays,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.dueDays = dueDays;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public record Unit(String code, String name, boolean street) {
    }

    /**
     * One cell of the grid: ontime, late, missing or notdue; {@code remindedAt} when a reminder mail
     * that asked for it was sent (as the database recorded it), else null.
     */
    public record Cell(String state, LocalDateTime firstReceived, long rowsRead, long rowsRejected, long openRejects,
            int files, LocalDateTime remindedAt) {

        public Integer rejectedPercent() {
            return rowsRead == 0 ? null : (int) Math.round(100.0 * rowsRejected / rowsRead);
        }

        public boolean missing() {
            return "missing".equals(state);
        }

        Cell reminded(LocalDateTime at) {
            return new Cell(state, firstReceived, rowsRead, rowsRejected, openRejects, files, at);
        }
    }

    public record Grid(List<YearMonth> months, List<Unit> units, Map<String, Cell> cells, int dueDays) {

        public Cell cell(String unit, YearMonth month, String template) {
            return cells.get(unit + "|" + month + "|" + template);
        }

        public List<String> templates(Unit unit) {
            return unit.street() ? STREET_TEMPLATES : DISTRICT_TEMPLATES;
        }
    }

    /** One sheet of a file sent for a cell, with its accounting. */
    public record Sheet(String file, String fileStatus, String reason, LocalDateTime received, String sheet,
            long read, long loaded, long rejected, long skipped, boolean superseded, long open) {
    }

    public Grid grid(Jurisdiction jurisdiction, YearMonth last, int months) {
        List<YearMonth> range = new ArrayList<>();
        for (int i = Math.max(1, Math.min(months, 12)) - 1; i >= 0; i--) {
            range.add(last.minusMonths(i));
        }
        return grid(jurisdiction.like(), jurisdiction.prefix().length() <= 6, range, today());
    }

    /**
     * Every street's S1–S4 cells of one month, everywhere, as the grid decides them on a given day:
     * what the reminders read, so that "missing" means one thing.
     */
    public Grid streets(YearMonth month, LocalDate today) {
        return grid("%", false, List.of(month), today);
    }

    /** Today in Beijing. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    private Grid grid(String like, boolean withDistricts, List<YearMonth> range, LocalDate today) {
        YearMonth first = range.get(0);
        YearMonth last = range.get(range.size() - 1);
        List<Unit> units = jdbc.query("""
                SELECT code, name, level FROM division
                WHERE code LIKE ? AND (level = 'street' OR (level = 'district' AND ?))
                ORDER BY LEFT(code, 6), level <> 'district', code""",
                (rs, i) -> new Unit("street".equals(rs.getString(3)) ? rs.getString(1).substring(0, 9)
                        : rs.getString(1).substring(0, 6), rs.getString(2), "street".equals(rs.getString(3))),
                like, withDistricts);
        Map<String, Cell> cells = new HashMap<>();
        jdbc.query("""
                SELECT sh.unit_code, sh.period, sh.template, MIN(f.received_at),
                       SUM(CASE WHEN sh.superseded_by IS NULL THEN sh.rows_read ELSE 0 END),
                       SUM(CASE WHEN sh.superseded_by IS NULL THEN sh.rows_rejected ELSE 0 END),
                       COUNT(DISTINCT f.id),
                       (SELECT COUNT(*) FROM ingest_reject r WHERE r.unit_code = sh.unit_code AND r.period = sh.period
                           AND r.template = sh.template AND r.status = 'open')
                FROM ingest_sheet sh JOIN ingest_file f ON f.id = sh.file_id
                WHERE sh.unit_code LIKE ? AND sh.template IS NOT NULL AND sh.period BETWEEN ? AND ?
                GROUP BY sh.unit_code, sh.period, sh.template""", rs -> {
            YearMonth month = YearMonth.parse(rs.getString(2));
            LocalDateTime received = rs.getObject(4, LocalDateTime.class);
            cells.put(rs.getString(1) + "|" + month + "|" + rs.getString(3),
                    new Cell(state(month, received, today), received, rs.getLong(5), rs.getLong(6), rs.getLong(8),
                            rs.getInt(7), null));
        }, like, first.toString(), last.toString());
        for (Unit unit : units) {
            for (YearMonth month : range) {
                for (String template : unit.street() ? STREET_TEMPLATES : DISTRICT_TEMPLATES) {
                    cells.computeIfAbsent(unit.code() + "|" + month + "|" + template,
                            key -> new Cell(state(month, null, today), null, 0, 0, 0, 0, null));
                }
            }
        }
        // the reminders sent (delivery_log says sent) and the templates each asked for
        jdbc.query("""
                SELECT r.street_code, r.period, r.templates, MIN(d.sent_at)
                FROM submission_reminder r JOIN delivery_log d ON d.id = r.delivery_id
                WHERE d.state = 'sent' AND r.street_code LIKE ? AND r.period BETWEEN ? AND ?
                GROUP BY r.street_code, r.period, r.templates""", rs -> {
            LocalDateTime sent = rs.getObject(4, LocalDateTime.class);
            for (String template : rs.getString(3).split(",")) {
                cells.computeIfPresent(rs.getString(1) + "|" + rs.getString(2) + "|" + template,
                        (key, cell) -> cell.remindedAt() != null && !cell.remindedAt().isAfter(sent) ? cell
                                : cell.reminded(sent));
            }
        }, like, first.toString(), last.toString());
        return new Grid(range, units, cells, dueDays);
    }

    /**
     * The one rule: a template whose first file came by its due day is on time, after it late; with
     * no file it is missing once the due day has passed, else not due yet.
     */
    String state(YearMonth month, LocalDateTime firstReceived, LocalDate today) {
        if (firstReceived != null) {
            return firstReceived.toLocalDate().isAfter(due(month)) ? "late" : "ontime";
        }
        return today.isAfter(due(month)) ? "missing" : "notdue";
    }

    /** Days after a month's end its templates are due ({@code pipeline.submissions.due-days}). */
    public int dueDays() {
        return dueDays;
    }

    /** The day a month's templates are due: the month's last day plus the configured days. */
    public LocalDate due(YearMonth month) {
        return month.atEndOfMonth().plusDays(dueDays);
    }

    /** The files of one cell and their accounting; 404 outside the jurisdiction. */
    public List<Sheet> cell(Jurisdiction jurisdiction, String unit, YearMonth month, String template) {
        if (unit == null || !unit.matches("\\d{6}|\\d{9}") || !jurisdiction.covers(unit)
                || !(STREET_TEMPLATES.contains(template) || DISTRICT_TEMPLATES.contains(template))) {
            throw new RecordNotFound("submission " + unit + " " + month + " " + template);
        }
        return jdbc.query("""
                SELECT f.path, f.status, f.reason, f.received_at, sh.sheet_name, sh.rows_read, sh.rows_loaded,
                       sh.rows_rejected, sh.rows_skipped, sh.superseded_by IS NOT NULL,
                       (SELECT COUNT(*) FROM ingest_reject r WHERE r.sheet_id = sh.id AND r.status = 'open')
                FROM ingest_sheet sh JOIN ingest_file f ON f.id = sh.file_id
                WHERE sh.unit_code = ? AND sh.period = ? AND sh.template = ?
                ORDER BY f.received_at, sh.id""",
                (rs, i) -> new Sheet(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getBoolean(10), rs.getLong(11)),
                unit, month.toString(), template);
    }

    /** A reminder mail that asked for a cell: whom it greeted, and when it went (null while not sent). */
    public record Reminder(String contact, String state, LocalDateTime sentAt) {
    }

    /** The reminders that asked for one cell, oldest first; none outside the jurisdiction. */
    public List<Reminder> reminders(Jurisdiction jurisdiction, String unit, YearMonth month, String template) {
        if (unit == null || !unit.matches("\\d{9}") || !jurisdiction.covers(unit) || !STREET_TEMPLATES.contains(template)) {
            return List.of();
        }
        return jdbc.query("""
                SELECT r.contact, d.state, d.sent_at FROM submission_reminder r JOIN delivery_log d ON d.id = r.delivery_id
                WHERE r.street_code = ? AND r.period = ? AND FIND_IN_SET(?, r.templates) > 0
                ORDER BY d.sent_at IS NULL, d.sent_at, r.delivery_id""",
                (rs, i) -> new Reminder(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)),
                unit, month.toString(), template);
    }
}
