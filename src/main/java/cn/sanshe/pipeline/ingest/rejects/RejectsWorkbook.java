package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.exports.SpreadsheetText;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.load.StagingRows;
import cn.sanshe.pipeline.ingest.read.FileRefusedException;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.read.WorkbookReader;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.validate.RowOutcome;
import cn.sanshe.pipeline.ingest.validate.RowValidator;
import cn.sanshe.pipeline.ingest.validate.ValidationContext;
import cn.sanshe.pipeline.reconcile.steward.DecisionLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's bulk loop over rejected rows, the {@code export rejects} / {@code import
 * corrections} path within a jurisdiction: the rejects workbook of the page's filter (written by
 * {@link RejectsExport}, the command's own writer: identity numbers masked for users without the
 * right), and the corrected workbook back — read through {@link WorkbookReaders} with ingest's
 * hostile-file protections and a size limit, its cells found by the template's headers, previewed
 * (fixed, still wrong, untouched, refused) before anything changes, then applied. A row of another
 * jurisdiction in an uploaded workbook is refused, never loaded.
 */
@Service
public class RejectsWorkbook {

    /** Bigger corrected workbooks are refused before they are read. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final RejectsExport writer;
    private final RejectRows rows;
    private final RejectStore store;
    private final TemplateCatalog catalog;
    private final StagingRows staging;
    private final DecisionLog decisions;
    private final RowValidator validator = new RowValidator();

    RejectsWorkbook(JdbcTemplate jdbc, RejectsExport writer, RejectRows rows, RejectStore store, TemplateCatalog catalog,
            StagingRows staging, DecisionLog decisions) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.rows = rows;
        this.store = store;
        this.catalog = catalog;
        this.staging = staging;
        this.decisions = decisions;
    }

    /** What a row of the uploaded workbook would become. */
    public enum Fate { FIXED, STILL_WRONG, UNTOUCHED, REFUSED }

    public record PreviewLine(int sheetRow, String sheet, String rejectId, Fate fate, String detail) {
    }

    public record Preview(List<PreviewLine> lines, Map<Fate, Integer> counts) {
        public int count(Fate fate) {
            return counts.getOrDefault(fate, 0);
        }
    }

    /** Writes the rejects of the filter (all pages) as a workbook to correct; returns the rows written. */
    public int export(ConsoleUser user, RejectFilter filter, OutputStream out) throws IOException {
        return writer.writeXlsx(out, user.jurisdiction(), filter, user.canSeeIds());
    }

    /** What applying the workbook would do; changes nothing. */
    @Transactional(readOnly = true)
    public Preview preview(ConsoleUser user, Path workbook) throws IOException {
        return walk(user, workbook, false);
    }

    /** Applies the workbook: fixed rows loaded, still wrong ones keep their new cells and reasons. */
    @Transactional
    public Preview apply(ConsoleUser user, Path workbook) throws IOException {
        Preview applied = walk(user, workbook, true);
        rows.forget();
        return applied;
    }

    private Preview walk(ConsoleUser user, Path workbook, boolean apply) throws IOException {
        if (Files.size(workbook) > MAX_BYTES) {
            throw new IllegalArgumentException("文件超过 " + MAX_BYTES / 1024 / 1024 + " MB，未读取");
        }
        List<PreviewLine> lines = new ArrayList<>();
        Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
        try (WorkbookReader reader = WorkbookReaders.open(workbook)) {
            while (reader.nextSheet()) {
                SheetRow header = reader.nextRow();
                Optional<HeaderMatch> match = header == null ? Optional.empty() : catalog.recognise(header);
                int idColumn = header == null ? -1 : header.cells().indexOf(RejectsExport.META.get(0));
                if (match.isEmpty() || idColumn < 0) {
                    continue;
                }
                SheetRow row;
                while ((row = reader.nextRow()) != null) {
                    if (row.isBlank()) {
                        continue;
                    }
                    SheetRow cells = new SheetRow(row.number(), row.cells().stream().map(SpreadsheetText::restore).toList());
                    PreviewLine line = one(user, reader.sheetName(), match.get(), cells, idColumn, apply);
                    lines.add(line);
                    counts.merge(line.fate(), 1, Integer::sum);
                }
            }
        } catch (FileRefusedException e) {
            throw new IllegalArgumentException("文件被拒绝：" + e.getMessage(), e);
        }
        return new Preview(lines, counts);
    }

    private PreviewLine one(ConsoleUser user, String sheet, HeaderMatch match, SheetRow row, int idColumn,
            boolean apply) {
        Jurisdiction jurisdiction = user.jurisdiction();
        String idText = row.cell(idColumn).trim();
        List<Map<String, Object>> found = idText.matches("\\d{1,18}") ? jdbc.queryForList("""
                SELECT id, sheet_id, row_no, template, unit_code, period, status, raw_cipher FROM ingest_reject
                WHERE id = ? AND unit_code LIKE ?""" + (apply ? " FOR UPDATE" : ""), Long.parseLong(idText),
                jurisdiction.like()) : List.of();
        if (found.isEmpty() || !"open".equals(found.get(0).get("status"))
                || !match.template().id().name().equals(found.get(0).get("template"))) {
            return new PreviewLine(row.number(), sheet, idText, Fate.REFUSED,
                    "退回编号“" + idText + "”不是您管辖范围内待更正的" + match.template().id() + "记录，不处理");
        }
        Map<String, Object> reject = found.get(0);
        long id = ((Number) reject.get("id")).longValue();
        Template template = match.template();
        List<String> sent = RejectCells.sent(catalog, template, rows.cells((String) reject.get("raw_cipher")));
        RejectCells.ReadBack back = RejectCells.readBack(match, row,
                user.canSeeIds() ? sent : RejectCells.shown(template, sent), sent);
        if (back.unchanged()) {
            return new PreviewLine(row.number(), sheet, idText, Fate.UNTOUCHED, "未修改");
        }
        long sheetId = ((Number) reject.get("sheet_id")).longValue();
        int rowNo = ((Number) reject.get("row_no")).intValue();
        String unit = (String) reject.get("unit_code");
        String period = (String) reject.get("period");
        ValidationContext context = new ValidationContext(period == null ? null : YearMonth.parse(period),
                LocalDate.now(), this::divisionExists, unit);
        RowOutcome outcome = validator.check(match, back.toCheck(), context);
        if (outcome instanceof RowOutcome.Loaded loaded) {
            if (apply) {
                staging.insert(template.id(), sheetId, rowNo, unit, loaded);
                store.corrected(id, sheetId);
                decisions.record("correct", "reject " + id, template.id() + " 第" + rowNo + "行由更正工作簿入库", user.username(),
                        "上传更正工作簿", unit, null, null);
            }
            return new PreviewLine(row.number(), sheet, idText, Fate.FIXED, "将入库：原第" + rowNo + "行");
        }
        String reasons = outcome instanceof RowOutcome.Rejected rejected
                ? IdentityNumber.maskIn(String.join("；", rejected.reasons())) : "更正后的行为空";
        if (apply) {
            store.stillWrong(id, RejectCells.byHeader(template, back.cells()), reasons);
        }
        return new PreviewLine(row.number(), sheet, idText, Fate.STILL_WRONG, reasons);
    }

    private boolean divisionExists(String code) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, code);
        return found != null && found > 0;
    }
}
