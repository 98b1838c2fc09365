package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.exports.SpreadsheetText;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.load.StagingRows;
import cn.sanshe.pipeline.ingest.read.FileRefusedException;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.read.WorkbookReader;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's bulk loop over rejected rows, the {@code export rejects} / {@code import
 * corrections} path within a jurisdiction: the rejects workbook of the page's filter (same layout:
 * {@link #META} then the template's standard columns, nothing a spreadsheet would
 * execute, identity numbers masked for users without the right), and the corrected workbook back
 * — read through {@link WorkbookReaders} with ingest's hostile-file protections and a size limit,
 * previewed (fixed, still wrong, untouched, refused) before anything changes, then applied.
 * A row of another jurisdiction in an uploaded workbook is refused, never loaded.
 */
@Service
public class RejectsWorkbook {

    /** The source columns before the template's own, as this workbook writes them (one per cell below). */
    static final List<String> META = List.of("退回编号", "报送单位", "所属月份", "原文件", "原工作表", "原行号", "退回原因");


    /** Bigger corrected workbooks are refused before they are read. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final RejectRows rows;
    private final RejectStore store;
    private final TemplateCatalog catalog;
    private final StagingRows staging;
    private final DecisionLog decisions;
    private final RowValidator validator = new RowValidator();

    RejectsWorkbook(JdbcTemplate jdbc, RejectRows rows, RejectStore store, TemplateCatalog catalog, StagingRows staging,
            DecisionLog decisions) {
        this.jdbc = jdbc;
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
        List<Object> args = new ArrayList<>();
        String where = RejectRows.where(user.jurisdiction(), filter, args);
        int[] written = {0};
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Map<TemplateId, Sheet> sheets = new EnumMap<>(TemplateId.class);
            jdbc.query("""
                    SELECT r.id, r.template, r.unit_code, r.period, f.path, s.sheet_name, r.row_no, r.reasons, r.raw_cipher
                    FROM ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id JOIN ingest_file f ON f.id = s.file_id
                    WHERE %s ORDER BY r.template, r.id""".formatted(where), rs -> {
                TemplateId template = TemplateId.valueOf(rs.getString(2));
                Sheet sheet = sheets.computeIfAbsent(template, t -> newSheet(workbook, t, bold));
                List<String> cells = new ArrayList<>(List.of(Long.toString(rs.getLong(1)), rs.getString(3),
                        rs.getString(4) == null ? "" : rs.getString(4), rs.getString(5), rs.getString(6),
                        Integer.toString(rs.getInt(7)), rs.getString(8)));
                cells.addAll(standardCells(template, rows.cells(rs.getString(9)), user.canSeeIds()));
                var row = sheet.createRow(sheet.getLastRowNum() + 1);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(SpreadsheetText.inert(cells.get(i)));
                }
                written[0]++;
            }, args.toArray());
            if (sheets.isEmpty()) {
                workbook.createSheet("没有待更正的记录");
            }
            workbook.write(out);
            workbook.dispose();
        }
        return written[0];
    }

    private Sheet newSheet(SXSSFWorkbook workbook, TemplateId template, CellStyle bold) {
        Sheet sheet = workbook.createSheet(template.name() + " " + template.title());
        var header = sheet.createRow(0);
        List<String> names = new ArrayList<>(META);
        catalog.template(template).columns().forEach(column -> names.add(column.header()));
        for (int i = 0; i < names.size(); i++) {
            header.createCell(i).setCellValue(names.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        sheet.setColumnWidth(META.indexOf("退回原因"), 60 * 256);
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** The row's cells under the template's standard columns, as the workbook holds them. */
    private List<String> standardCells(TemplateId template, Map<String, String> raw, boolean canSeeIds) {
        List<String> headers = new ArrayList<>(raw.keySet());
        List<String> values = new ArrayList<>(raw.values());
        Optional<HeaderMatch> match = catalog.recognise(new SheetRow(1, headers));
        List<String> cells = new ArrayList<>();
        for (ColumnSpec column : catalog.template(template).columns()) {
            Integer index = match.map(m -> m.columnIndex().get(column.id())).orElse(null);
            String value = index == null || index >= values.size() || values.get(index) == null ? "" : values.get(index);
            cells.add(canSeeIds ? value : IdentityNumber.maskIn(value));
        }
        return cells;
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
                int idColumn = header == null ? -1 : header.cells().indexOf(META.get(0));
                if (match.isEmpty() || idColumn < 0) {
                    continue;
                }
                SheetRow row;
                while ((row = reader.nextRow()) != null) {
                    if (row.isBlank()) {
                        continue;
                    }
                    SheetRow cells = new SheetRow(row.number(), row.cells().stream().map(SpreadsheetText::restore).toList());
                    PreviewLine line = one(user, reader.sheetName(), match.get(), header, cells, idColumn, apply);
                    lines.add(line);
                    counts.merge(line.fate(), 1, Integer::sum);
                }
            }
        } catch (FileRefusedException e) {
            throw new IllegalArgumentException("文件被拒绝：" + e.getMessage(), e);
        }
        return new Preview(lines, counts);
    }

    private PreviewLine one(ConsoleUser user, String sheet, HeaderMatch match, SheetRow header, SheetRow row,
            int idColumn, boolean apply) {
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
        TemplateId template = TemplateId.valueOf((String) reject.get("template"));
        Map<String, String> raw = rows.cells((String) reject.get("raw_cipher"));
        List<String> exported = standardCells(template, raw, user.canSeeIds());
        List<String> originals = standardCells(template, raw, true);
        int first = META.size();
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < exported.size(); i++) {
            uploaded.add(first + i < row.cells().size() ? row.cell(first + i) : "");
        }
        if (uploaded.equals(exported)) {
            return new PreviewLine(row.number(), sheet, idText, Fate.UNTOUCHED, "未修改");
        }
        List<String> values = new ArrayList<>(row.cells());
        while (values.size() < first + uploaded.size()) {
            values.add("");
        }
        for (int i = 0; i < uploaded.size(); i++) {
            // A masked number sent back as it was exported stands for the number itself.
            if (uploaded.get(i).equals(exported.get(i)) && !exported.get(i).equals(originals.get(i))) {
                values.set(first + i, originals.get(i));
            }
        }
        long sheetId = ((Number) reject.get("sheet_id")).longValue();
        int rowNo = ((Number) reject.get("row_no")).intValue();
        String unit = (String) reject.get("unit_code");
        String period = (String) reject.get("period");
        ValidationContext context = new ValidationContext(period == null ? null : YearMonth.parse(period),
                LocalDate.now(), this::divisionExists, unit);
        RowOutcome outcome = validator.check(match, new SheetRow(row.number(), values), context);
        if (outcome instanceof RowOutcome.Loaded loaded) {
            if (apply) {
                staging.insert(template, sheetId, rowNo, unit, loaded);
                store.corrected(id, sheetId);
                decisions.record("correct", "reject " + id, template + " 第" + rowNo + "行由更正工作簿入库", user.username(),
                        "上传更正工作簿", unit, null, null);
            }
            return new PreviewLine(row.number(), sheet, idText, Fate.FIXED, "将入库：原第" + rowNo + "行");
        }
        String reasons = outcome instanceof RowOutcome.Rejected rejected
                ? IdentityNumber.maskIn(String.join("；", rejected.reasons())) : "更正后的行为空";
        if (apply) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = first; i < header.cells().size(); i++) {
                cells.put(header.cell(i), i < values.size() ? values.get(i) : "");
            }
            store.stillWrong(id, cells, reasons);
        }
        return new PreviewLine(row.number(), sheet, idText, Fate.STILL_WRONG, reasons);
    }

    private boolean divisionExists(String code) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, code);
        return found != null && found > 0;
    }
}
