package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.console.ConsoleQueue;
import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.DecisionRefused;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.Keyset;
import cn.sanshe.pipeline.console.RecordNotFound;
import cn.sanshe.pipeline.console.ShortCache;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.load.StagingRows;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.ingest.validate.RowValidator;
import cn.sanshe.pipeline.ingest.validate.ValidationContext;
import cn.sanshe.pipeline.reconcile.steward.DecisionLog;
import cn.sanshe.pipeline.system.IdentityVault;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stewards' page of rejected rows: the open rejects of a jurisdiction (every query takes it),
 * one row with its cells as sent, and its correction — checked again with the pipeline's own
 * rules ({@link RowValidator}) and loaded under its original file, sheet and row, the sheet's
 * accounting moved from rejected to loaded, as {@code import corrections} does.
 *
 * <p>Identity numbers in the cells are shown masked to users without the right; a masked number
 * sent back unchanged stands for the original, so a steward can fix another cell of the row.
 */
@Service
public class RejectRows implements ConsoleQueue {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> CELLS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final IdentityVault vault;
    private final TemplateCatalog catalog;
    private final StagingRows staging;
    private final RejectStore store;
    private final DecisionLog decisions;
    private final RowValidator validator = new RowValidator();
    /** Counts by words of a reason scan a jurisdiction's rows: kept 30 s at most, forgotten at every correction. */
    private final ShortCache<Map<String, Long>> counts = new ShortCache<>(Duration.ofSeconds(30));

    RejectRows(JdbcTemplate jdbc, IdentityVault vault, TemplateCatalog catalog, StagingRows staging, RejectStore store,
            DecisionLog decisions) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.catalog = catalog;
        this.staging = staging;
        this.store = store;
        this.decisions = decisions;
    }

    /** One line of the list. */
    public record Line(long id, TemplateId template, String unit, String period, String file, String sheet, int rowNo,
            String reasons, String summary) {

        /** Its place in the list, for the address of the page after or before it. */
        public String key() {
            return new RejectKey(unit, template.name(), period, id).toString();
        }
    }

    /** A page of the list with the counts of the whole filter. */
    public record Page(Keyset.Slice<Line> slice, long total, Map<String, Long> byTemplate) {

        public List<Line> lines() {
            return slice.lines();
        }
    }

    /** One rejected row as a steward sees it. */
    public record Row(long id, TemplateId template, String unit, String period, String file, String sheet, int rowNo,
            String status, List<String> reasons, List<String> headers, List<String> cells, List<Boolean> masked,
            List<Boolean> failing, long sheetId) {

        /** The first cell a reason names (where the page puts the cursor), or -1. */
        public int firstFailing() {
            return failing.indexOf(true);
        }
    }

    /** The outcome of a correction: loaded, or the reasons per field (by cell index) and for the row. */
    public record Correction(boolean loaded, Map<Integer, List<String>> fieldErrors, List<String> rowErrors,
            List<String> cells, Accounting before, Accounting after) {
    }

    /** A sheet's accounting: read = loaded + rejected + skipped. */
    public record Accounting(int read, int loaded, int rejected, int skipped) {
    }

    @Override
    public String titleKey() {
        return "nav.rejects";
    }

    @Override
    public String path() {
        return "/rejects";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public long open(Jurisdiction jurisdiction) {
        Long open = jdbc.queryForObject("SELECT SUM(open_rows) FROM ingest_reject_open_count WHERE unit_code LIKE ?",
                Long.class, jurisdiction.like());
        return open == null ? 0 : open;
    }

    /** The first page of the filter. */
    public Page page(Jurisdiction jurisdiction, RejectFilter filter, boolean canSeeIds) {
        return page(jurisdiction, filter, Keyset.first(), canSeeIds);
    }

    /**
     * The page of the filter at {@code at}, read from the index {@code (status, unit_code, template,
     * period, id)} from its key on (never counted through with OFFSET), with the exact counts of the
     * whole filter.
     */
    public Page page(Jurisdiction jurisdiction, RejectFilter filter, Keyset at, boolean canSeeIds) {
        Map<String, Long> byTemplate = counts(jurisdiction, filter);
        long total = byTemplate.values().stream().mapToLong(Long::longValue).sum();
        int pages = (int) Math.max(1, (total + RejectFilter.PAGE_SIZE - 1) / RejectFilter.PAGE_SIZE);
        List<Line> read = read(jurisdiction, filter, at, canSeeIds);
        if (at.mode() == Keyset.Mode.BEFORE && read.isEmpty()) {
            // Nothing before the key any more (corrected meanwhile): the first page.
            at = Keyset.first();
            read = read(jurisdiction, filter, at, canSeeIds);
        }
        return new Page(at.slice(read, RejectFilter.PAGE_SIZE, pages, Line::key), total, byTemplate);
    }

    private List<Line> read(Jurisdiction jurisdiction, RejectFilter filter, Keyset at, boolean canSeeIds) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(filter.where(jurisdiction.prefix(), args));
        if (at.mode() == Keyset.Mode.AFTER || at.mode() == Keyset.Mode.BEFORE) {
            where.append(" AND ").append(RejectKey.parse(at.key()).seek(at.mode() == Keyset.Mode.AFTER, args));
        }
        args.add(RejectFilter.PAGE_SIZE + 1);
        String order = at.backwards() ? "r.unit_code DESC, r.template DESC, r.period DESC, r.id DESC"
                : "r.unit_code, r.template, r.period, r.id";
        return jdbc.query("""
                SELECT r.id, r.template, r.unit_code, r.period, f.path, s.sheet_name, r.row_no, r.reasons, r.raw_cipher
                FROM (SELECT r.id FROM ingest_reject r WHERE %s ORDER BY %s LIMIT ?) p
                JOIN ingest_reject r ON r.id = p.id
                JOIN ingest_sheet s ON s.id = r.sheet_id JOIN ingest_file f ON f.id = s.file_id
                ORDER BY %s""".formatted(where, order, order), (rs, n) -> new Line(rs.getLong(1),
                TemplateId.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getString(8), summary(rs.getString(9), canSeeIds)),
                args.toArray());
    }

    /**
     * Open rows per template of the filter, exact. Without words of a reason they are summed from
     * {@code ingest_reject_open_count} (kept by the table's triggers: a few rows per unit and
     * month); words of a reason must be looked for in the rows themselves, so that count is kept
     * while the jurisdiction's rejects stay the same (newest id and open rows) and 30 s at most.
     */
    private Map<String, Long> counts(Jurisdiction jurisdiction, RejectFilter filter) {
        if (filter.reason() != null) {
            String state = jdbc.queryForObject("SELECT CONCAT(COALESCE(MAX(id), 0), '/', ?) FROM ingest_reject",
                    String.class, open(jurisdiction));
            return counts.get(state + "|" + jurisdiction.prefix() + "|" + filter, () -> {
                List<Object> args = new ArrayList<>();
                String where = filter.where(jurisdiction.prefix(), args);
                Map<String, Long> found = new TreeMap<>();
                jdbc.query("SELECT r.template, COUNT(*) FROM ingest_reject r WHERE " + where + " GROUP BY r.template",
                        rs -> {
                            found.put(rs.getString(1), rs.getLong(2));
                        }, args.toArray());
                return found;
            });
        }
        List<Object> args = new ArrayList<>();
        String where = filter.within("c", jurisdiction.prefix(), args);
        Map<String, Long> found = new TreeMap<>();
        jdbc.query("SELECT c.template, SUM(c.open_rows) FROM ingest_reject_open_count c WHERE " + where
                + " GROUP BY c.template HAVING SUM(c.open_rows) > 0", rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        return found;
    }

    /** The units and months with open rejects in the jurisdiction, for the filter. */
    public record Choices(List<String> units, List<String> periods) {
    }

    public Choices choices(Jurisdiction jurisdiction) {
        java.util.TreeSet<String> units = new java.util.TreeSet<>();
        java.util.TreeSet<String> periods = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        jdbc.query("""
                SELECT unit_code, period FROM ingest_reject_open_count WHERE unit_code LIKE ? AND open_rows > 0""", rs -> {
                    units.add(rs.getString(1));
                    if (!rs.getString(2).isEmpty()) {
                        periods.add(rs.getString(2));
                    }
                }, jurisdiction.like());
        return new Choices(List.copyOf(units), List.copyOf(periods));
    }

    /** One reject of the jurisdiction, open or not; another jurisdiction's id is not found. */
    public Row row(Jurisdiction jurisdiction, long id, boolean canSeeIds) {
        Map<String, Object> found = jdbc.queryForList("""
                SELECT r.id, r.template, r.unit_code, r.period, f.path, s.sheet_name, r.row_no, r.status, r.reasons,
                       r.raw_cipher, r.sheet_id
                FROM ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id JOIN ingest_file f ON f.id = s.file_id
                WHERE r.id = ? AND r.unit_code LIKE ?""", id, jurisdiction.like()).stream().findFirst()
                .orElseThrow(() -> new RecordNotFound("reject " + id));
        Map<String, String> raw = cells((String) found.get("raw_cipher"));
        List<String> cells = new ArrayList<>();
        List<Boolean> masked = new ArrayList<>();
        for (String value : raw.values()) {
            String shown = canSeeIds ? value : IdentityNumber.maskIn(value);
            cells.add(shown);
            masked.add(!canSeeIds && !shown.equals(value));
        }
        List<String> reasons = List.of(((String) found.get("reasons")).split("；"));
        List<Boolean> failing = new ArrayList<>(java.util.Collections.nCopies(cells.size(), false));
        catalog.recognise(new SheetRow(1, new ArrayList<>(raw.keySet()))).ifPresent(match -> reasons.forEach(reason -> {
            Integer index = fieldOf(match, reason);
            if (index != null && index < failing.size()) {
                failing.set(index, true);
            }
        }));
        return new Row(id, TemplateId.valueOf((String) found.get("template")), (String) found.get("unit_code"),
                (String) found.get("period"), (String) found.get("path"), (String) found.get("sheet_name"),
                ((Number) found.get("row_no")).intValue(), (String) found.get("status"), reasons,
                new ArrayList<>(raw.keySet()), cells, masked, failing, ((Number) found.get("sheet_id")).longValue());
    }

    /**
     * Checks the corrected cells (in the order of the row's headers) with the pipeline's rules and
     * loads the row when right; a row still wrong stays as it was, with the reasons per field.
     */
    @Transactional
    public Correction correct(ConsoleUser user, long id, List<String> submitted, String note) {
        Jurisdiction jurisdiction = user.jurisdiction();
        List<Map<String, Object>> locked = jdbc.queryForList("""
                SELECT id, sheet_id, row_no, template, unit_code, period, status, raw_cipher FROM ingest_reject
                WHERE id = ? AND unit_code LIKE ? FOR UPDATE""", id, jurisdiction.like());
        if (locked.isEmpty()) {
            throw new RecordNotFound("reject " + id);
        }
        Map<String, Object> reject = locked.get(0);
        if (!"open".equals(reject.get("status"))) {
            throw new DecisionRefused("这一行已不在待更正状态（" + ("corrected".equals(reject.get("status")) ? "已更正"
                    : "已被重新报送的表替代") + "），请刷新页面。");
        }
        Map<String, String> raw = cells((String) reject.get("raw_cipher"));
        List<String> headers = new ArrayList<>(raw.keySet());
        List<String> originals = new ArrayList<>(raw.values());
        List<String> values = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String value = i < submitted.size() && submitted.get(i) != null ? submitted.get(i) : "";
            String original = originals.get(i);
            if (!user.canSeeIds() && value.equals(IdentityNumber.maskIn(original)) && !value.equals(original)) {
                value = original;
            }
            values.add(value);
        }
        long sheetId = ((Number) reject.get("sheet_id")).longValue();
        int rowNo = ((Number) reject.get("row_no")).intValue();
        String unit = (String) reject.get("unit_code");
        String period = (String) reject.get("period");
        TemplateId template = TemplateId.valueOf((String) reject.get("template"));
        HeaderMatch match = catalog.recognise(new SheetRow(1, headers))
                .orElseThrow(() -> new IllegalStateException("退回记录 " + id + " 的表头无法识别"));
        ValidationContext context = new ValidationContext(period == null ? null : YearMonth.parse(period),
                LocalDate.now(), this::divisionExists, unit);
        RowOutcome outcome = validator.check(match, new SheetRow(rowNo, values), context);
        List<String> shown = values.stream().map(v -> user.canSeeIds() ? v : IdentityNumber.maskIn(v)).toList();
        Accounting before = accounting(sheetId);
        if (outcome instanceof RowOutcome.Loaded loaded) {
            staging.insert(template, sheetId, rowNo, unit, loaded);
            store.corrected(id, sheetId);
            forget();
            decisions.record("correct", "reject " + id, template + " " + pathOf(sheetId) + " 第" + rowNo + "行更正后入库",
                    user.username(), note == null || note.isBlank() ? "按退回原因更正" : note, unit, null, null);
            return new Correction(true, Map.of(), List.of(), shown, before, accounting(sheetId));
        }
        List<String> reasons = outcome instanceof RowOutcome.Rejected rejected
                ? rejected.reasons().stream().map(IdentityNumber::maskIn).toList() : List.of("更正后的行为空或为合计行、签名行");
        Map<Integer, List<String>> fieldErrors = new TreeMap<>();
        List<String> rowErrors = new ArrayList<>();
        for (String reason : reasons) {
            Integer index = fieldOf(match, reason);
            if (index == null) {
                rowErrors.add(reason);
            } else {
                fieldErrors.computeIfAbsent(index, k -> new ArrayList<>()).add(reason);
            }
        }
        return new Correction(false, fieldErrors, rowErrors, shown, before, before);
    }

    /** Counts change: a row was corrected (here or from a workbook). */
    void forget() {
        counts.clear();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            // Again when the transaction ends, committed or rolled back: what was counted inside it is not to be kept.
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            counts.clear();
                        }
                    });
        }
    }

    /** The cell a reason names: the template column whose header the reason mentions (the longest). */
    private static Integer fieldOf(HeaderMatch match, String reason) {
        ColumnSpec best = null;
        for (ColumnSpec column : match.template().columns()) {
            if (reason.contains(column.header()) && match.columnIndex().containsKey(column.id())
                    && (best == null || column.header().length() > best.header().length())) {
                best = column;
            }
        }
        return best == null ? null : match.columnIndex().get(best.id());
    }

    public Accounting accounting(long sheetId) {
        return jdbc.queryForObject("SELECT rows_read, rows_loaded, rows_rejected, rows_skipped FROM ingest_sheet WHERE id = ?",
                (rs, n) -> new Accounting(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), sheetId);
    }

    /** Whether the corrected row is in staging under its original sheet and row. */
    public boolean staged(TemplateId template, long sheetId, int rowNo) {
        String table = switch (template) {
            case S1 -> "stg_s1_community";
            case S2 -> "stg_s2_org_ledger";
            case S3 -> "stg_s3_worker";
            case S4 -> "stg_s4_street_centre";
            case D1 -> "stg_d1_org_registry";
            case D2 -> "stg_d2_incubator";
            case D3 -> "stg_d3_certificate";
        };
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE sheet_id = ? AND row_no = ?",
                Integer.class, sheetId, rowNo);
        return found != null && found > 0;
    }

    private String pathOf(long sheetId) {
        return jdbc.queryForObject("""
                SELECT CONCAT(f.path, ' ', s.sheet_name) FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id
                WHERE s.id = ?""", String.class, sheetId);
    }

    private boolean divisionExists(String code) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, code);
        return found != null && found > 0;
    }

    Map<String, String> cells(String cipher) {
        return JSON.readValue(vault.decrypt(cipher), CELLS);
    }

    /** The first cells of the row, to recognise it in the list. */
    private String summary(String cipher, boolean canSeeIds) {
        Map<String, String> raw = cells(cipher);
        StringBuilder text = new StringBuilder();
        for (String value : raw.values()) {
            if (value == null || value.isBlank()) {
                continue;
            }
            text.append(text.isEmpty() ? "" : " · ").append(canSeeIds ? value : IdentityNumber.maskIn(value));
            if (text.length() > 40) {
                break;
            }
        }
        return text.length() > 60 ? text.substring(0, 60) + "…" : text.toString();
    }

    Optional<TemplateId> templateOf(String name) {
        try {
            return Optional.of(TemplateId.valueOf(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
