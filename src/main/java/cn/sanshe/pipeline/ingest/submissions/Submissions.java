package cn.sanshe.pipeline.ingest.submissions;

import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.RecordNotFound;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What each unit of a jurisdiction sent, month by month and template by template: streets the
 * street templates (S1–S4), districts the district ones (D1–D3). A template is on time when its
 * first file arrived within {@code pipeline.submissions.due-days} days after the month's end
 * (jobs/pipeline.yml), late after that, missing when nothing came and the day has passed; with
 * the share of rows rejected and the rejects still open with the stewards. A cell opens the files
 * and their accounting.
 */
@Service
public class Submissions {

    static final List<String> STREET_TEMPLATES = List.of("S1", "S2", "S3", "S4");
    static final List<String> DISTRICT_TEMPLATES = List.of("D1", "D2", "D3");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final int dueDays;

    Submissions(JdbcTemplate jdbc, @Value("${pipeline.submissions.due-days:5}") int dueDays) {
        this.jdbc = jdbc;
        this.dueDays = dueDays;
    }

    public record Unit(String code, String name, boolean street) {
    }

    /** One cell of the grid. */
    public record Cell(String state, LocalDateTime firstReceived, long rowsRead, long rowsRejected, long openRejects,
            int files) {

        public Integer rejectedPercent() {
            return rowsRead == 0 ? null : (int) Math.round(100.0 * rowsRejected / rowsRead);
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
        List<Unit> units = jdbc.query("""
                SELECT code, name, level FROM division
                WHERE code LIKE ? AND (level = 'street' OR (level = 'district' AND ? <= 6))
                ORDER BY LEFT(code, 6), level <> 'district', code""",
                (rs, i) -> new Unit("street".equals(rs.getString(3)) ? rs.getString(1).substring(0, 9)
                        : rs.getString(1).substring(0, 6), rs.getString(2), "street".equals(rs.getString(3))),
                jurisdiction.like(), jurisdiction.prefix().length());
        Map<String, Cell> cells = new HashMap<>();
        LocalDateTime now = LocalDateTime.now(BEIJING);
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
            LocalDateTime first = rs.getObject(4, LocalDateTime.class);
            String state = first != null && first.toLocalDate().isAfter(due(month)) ? "late" : "ontime";
            cells.put(rs.getString(1) + "|" + month + "|" + rs.getString(3),
                    new Cell(state, first, rs.getLong(5), rs.getLong(6), rs.getLong(8), rs.getInt(7)));
        }, jurisdiction.like(), range.get(0).toString(), last.toString());
        for (Unit unit : units) {
            for (YearMonth month : range) {
                for (String template : unit.street() ? STREET_TEMPLATES : DISTRICT_TEMPLATES) {
                    cells.computeIfAbsent(unit.code() + "|" + month + "|" + template, key -> new Cell(
                            now.toLocalDate().isAfter(due(month)) ? "missing" : "notdue", null, 0, 0, 0, 0));
                }
            }
        }
        return new Grid(range, units, cells, dueDays);
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
}
