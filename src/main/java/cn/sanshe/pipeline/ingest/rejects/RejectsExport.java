package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.exports.CsvExport;
import cn.sanshe.pipeline.exports.SpreadsheetText;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.template.ValueKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Open rejected rows as a workbook a clerk can correct: first a 说明 sheet (what to do, what not to
 * touch, how identity numbers are shown), then one sheet per template with the template's
 * standard headers (so the corrected workbook is recognised on import whatever wording the
 * clerk's own form used), the unit's name beside its code, the reasons beside each row, and the
 * source to find it. Cells are typed as sent — numbers as numbers, dates as dates — and each
 * failing cell is highlighted with its reason as a comment. Identity numbers are masked (see
 * {@link RejectCells}) — in the command's workbook always, in the console's for every user without
 * the right to see them; nothing a spreadsheet would execute is written. Streams (SXSSF), so a
 * city's rejects never sit in memory. The one writer of the workbook: {@code export rejects} and
 * the console's download both write it, {@code import corrections} and the console's upload read it.
 */
@Service
public class RejectsExport {

    static final List<String> META = List.of("退回编号", "报送单位", "单位名称", "所属月份", "原文件", "原工作表", "原行号",
            "退回原因");
    static final String INSTRUCTIONS = "说明";

    private static final Logger log = LoggerFactory.getLogger(RejectsExport.class);
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final RejectStore store;
    private final TemplateCatalog catalog;

    RejectsExport(RejectStore store, TemplateCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Writes .xlsx or .csv by the file's extension (others are refused); returns the rows written. */
    public int write(Path out, String unitPrefix) throws IOException {
        String name = out.getFileName().toString().toLowerCase();
        if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
            throw new IllegalArgumentException("导出文件应以 .xlsx 或 .csv 结尾：" + out.getFileName());
        }
        int rows;
        if (name.endsWith(".csv")) {
            try (CsvExport csv = CsvExport.create(out)) {
                rows = writeCsv(csv, unitPrefix);
            }
        } else {
            // As for CSV: a folder named in --out that does not exist yet is made, not a failure.
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                rows = writeXlsx(stream, unitPrefix);
            }
        }
        log.info("export rejects: {} open rows of unit {} to {}", rows, unitPrefix == null ? "(all)" : unitPrefix, out);
        return rows;
    }

    /** The command's workbook to correct, identity numbers masked, to any stream; returns the rows written. */
    public int writeXlsx(OutputStream stream, String unitPrefix) throws IOException {
        return writeXlsx(stream, unitPrefix, RejectFilter.all(), true);
    }

    /**
     * The console's: the open rejects of the jurisdiction that the page's filter keeps, identity
     * numbers in full only for a user with the right; returns the rows written.
     */
    public int writeXlsx(OutputStream stream, Jurisdiction jurisdiction, RejectFilter filter, boolean canSeeIds)
            throws IOException {
        return writeXlsx(stream, jurisdiction.prefix(), filter, !canSeeIds);
    }

    private int writeXlsx(OutputStream stream, String unitPrefix, RejectFilter filter, boolean masked) throws IOException {
        int[] rows = {0};
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            instructions(workbook.createSheet(INSTRUCTIONS), styles, masked);
            Map<TemplateId, Sheet> sheets = new EnumMap<>(TemplateId.class);
            Map<String, String> unitNames = new LinkedHashMap<>();
            store.eachOpen(unitPrefix, filter, reject -> {
                Template template = catalog.template(reject.template());
                Sheet sheet = sheets.computeIfAbsent(reject.template(), id -> newSheet(workbook, template, styles));
                Row row = sheet.createRow(sheet.getLastRowNum() + 1);
                List<String> meta = meta(reject, unitNames.computeIfAbsent(reject.unitCode(), store::unitName));
                for (int i = 0; i < meta.size(); i++) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(SpreadsheetText.inert(meta.get(i)));
                    cell.setCellStyle(i == META.indexOf("退回原因") ? styles.reason : styles.meta);
                }
                List<String> sent = RejectCells.sent(catalog, template, reject.rawCells());
                List<String> shown = masked ? RejectCells.shown(template, sent) : sent;
                Map<Integer, List<String>> failing = failing(template, reject.reasons());
                for (int i = 0; i < shown.size(); i++) {
                    Cell cell = row.createCell(META.size() + i);
                    ColumnSpec column = template.columns().get(i);
                    typed(cell, column, shown.get(i), styles, failing.containsKey(i));
                    if (failing.containsKey(i)) {
                        comment(sheet, cell, String.join("\n", failing.get(i)));
                    }
                }
                rows[0]++;
            });
            workbook.write(stream);
            workbook.dispose();
        }
        return rows[0];
    }

    /** For viewing: one line per row, the template, the meta columns and the shown cells as 列名：值. */
    public int writeCsv(CsvExport csv, String unitPrefix) {
        List<String> header = new ArrayList<>(List.of("模板"));
        header.addAll(META);
        header.add("原始内容");
        csv.header(header);
        Map<String, String> unitNames = new LinkedHashMap<>();
        store.eachOpen(unitPrefix, RejectFilter.all(), reject -> {
            Template template = catalog.template(reject.template());
            List<String> record = new ArrayList<>(List.of(reject.template().name()));
            record.addAll(meta(reject, unitNames.computeIfAbsent(reject.unitCode(), store::unitName)));
            List<String> shown = RejectCells.shown(template, RejectCells.sent(catalog, template, reject.rawCells()));
            StringBuilder raw = new StringBuilder();
            for (int i = 0; i < shown.size(); i++) {
                if (!shown.get(i).isEmpty()) {
                    raw.append(raw.isEmpty() ? "" : "；").append(template.columns().get(i).header()).append('：')
                            .append(shown.get(i));
                }
            }
            record.add(raw.toString());
            csv.row(record);
        });
        return csv.rows();
    }

    private static List<String> meta(OpenReject reject, String unitName) {
        return List.of(Long.toString(reject.id()), reject.unitCode(), unitName == null ? "" : unitName,
                reject.period() == null ? "" : reject.period(), reject.file(), reject.sheet(),
                Integer.toString(reject.rowNo()), reject.reasons());
    }

    /**
     * Column index (within the template's columns) → the reasons naming that column. Every reason
     * names its column by the template's header (sources.md's wording); a reason naming two
     * columns (出生日期与身份证号不符) marks both.
     */
    static Map<Integer, List<String>> failing(Template template, String reasons) {
        Map<Integer, List<String>> failing = new LinkedHashMap<>();
        if (reasons == null) {
            return failing;
        }
        for (String reason : reasons.split("；")) {
            for (int i = 0; i < template.columns().size(); i++) {
                String header = template.columns().get(i).header();
                int at = reason.indexOf(header);
                // "社区代码" inside "所属社区代码" is the longer column's, not this one's.
                boolean insideLonger = template.columns().stream().map(ColumnSpec::header)
                        .anyMatch(other -> other.length() > header.length() && other.contains(header)
                                && reason.contains(other));
                if (at >= 0 && !insideLonger) {
                    failing.computeIfAbsent(i, k -> new ArrayList<>()).add(reason);
                }
            }
        }
        return failing;
    }

    private static void typed(Cell cell, ColumnSpec column, String value, Styles styles, boolean failing) {
        ValueKind kind = column.kind();
        boolean numeric = kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL || kind == ValueKind.POSITIVE_DECIMAL;
        if (numeric && NUMBER.matcher(value).matches()) {
            cell.setCellValue(Double.parseDouble(value));
            cell.setCellStyle(failing ? styles.failingNumber : styles.number);
            return;
        }
        if (kind == ValueKind.DATE && ISO_DATE.matcher(value).matches()) {
            try {
                cell.setCellValue(LocalDate.parse(value));
                cell.setCellStyle(failing ? styles.failingDate : styles.date);
                return;
            } catch (DateTimeParseException notADate) {
                // 2026-02-30: shown as the text it is
            }
        }
        cell.setCellValue(SpreadsheetText.inert(value));
        cell.setCellStyle(failing ? styles.failingText : styles.text);
    }

    private static void comment(Sheet sheet, Cell cell, String text) {
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        CreationHelper helper = sheet.getWorkbook().getCreationHelper();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 4);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor("三社联动数据校验");
        cell.setCellComment(comment);
    }

    private Sheet newSheet(SXSSFWorkbook workbook, Template template, Styles styles) {
        Sheet sheet = workbook.createSheet(template.id().name() + " " + template.id().title());
        Row header = sheet.createRow(0);
        List<String> names = new ArrayList<>(META);
        template.columns().forEach(column -> names.add(column.header()));
        for (int i = 0; i < names.size(); i++) {
            header.createCell(i).setCellValue(names.get(i));
            header.getCell(i).setCellStyle(i < META.size() ? styles.metaHeader : styles.header);
            sheet.setColumnWidth(i, 14 * 256);
        }
        sheet.setColumnWidth(META.indexOf("单位名称"), 16 * 256);
        sheet.setColumnWidth(META.indexOf("原文件"), 30 * 256);
        sheet.setColumnWidth(META.indexOf("退回原因"), 50 * 256);
        for (int i = 0; i < template.columns().size(); i++) {
            ValueKind kind = template.columns().get(i).kind();
            if (kind == ValueKind.ID_NUMBER || kind == ValueKind.COMMUNITY_CODE || kind == ValueKind.CREDIT_CODE) {
                sheet.setColumnWidth(META.size() + i, 22 * 256);
            }
        }
        sheet.createFreezePane(1, 1);
        // Printed for checking against the originals: landscape, the header on every page.
        sheet.getPrintSetup().setLandscape(true);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(0, 0, -1, -1));
        return sheet;
    }

    private static void instructions(Sheet sheet, Styles styles, boolean masked) {
        String[] lines = {
            "退回记录更正说明",
            "",
            "这份工作簿列出报送后未能入库的记录，每种报表一个工作表（如“S3 社区工作者花名册”）。",
            "1. 标红的单元格是出错的地方；把鼠标停在单元格上可看到批注，写明要核对什么。“退回原因”列列出该行的全部原因。",
            "2. 请核对原始材料（证件原件、登记证书、台账）后，直接在标红的单元格里改成正确的内容。不需要改的单元格保持原样。",
            "3. 灰色的前几列（退回编号、报送单位、单位名称、所属月份、原文件、原工作表、原行号、退回原因）用于找回原记录，请不要修改，也不要删除或调换列。",
            masked ? "4. 身份证号只显示前6位和后4位（如 130102********1234），出生日期只显示年份：保持原样表示沿用原来报送的内容；"
                    + "号码或日期有误时，请填写完整的正确号码或日期。"
                    : "4. 本工作簿含完整的身份证号，只供有权查看的人员使用，请妥善保管，用后删除，不要转发。",
            "5. “原文件”“原工作表”“原行号”指向贵单位报送的原文件中的位置，可在原文件中查看完整内容。",
            "6. 改完后保存为 .xlsx（不要另存为 .csv 或 .xls），在数据管理网页“退回记录 → 上传更正后的工作簿”上传，或交回数据管理员导入（import corrections）。"
                    + "改对的行入库，仍有错误的行保留并写明新的原因，未改动的行不受影响。",
            "7. 可以只交回改过的行所在的工作表，也可以删除不需要处理的行。",
            "",
            "常见原因与处理：",
            "身份证号校验位不符 —— 号码中有输错的数字，请核对证件原件后填写完整号码。",
            "出生日期与身份证号不符 —— 核对证件原件，改正出生日期或身份证号。",
            "所属社区代码不在区划表中 —— 填写12位社区代码（可向区民政局索取区划代码表）。",
            "缺少必填项 —— 补填该列。",
            "……不是可选值 —— 从列出的可选值中选一个填写。",
        };
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            Cell cell = row.createCell(0);
            cell.setCellValue(lines[i]);
            cell.setCellStyle(i == 0 ? styles.header : styles.wrapped);
            // About 40 characters a line at this width: give long lines the height they need.
            row.setHeightInPoints(Math.max(1, (lines[i].length() + 39) / 40) * 16f);
        }
        sheet.setColumnWidth(0, 80 * 256);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** The few styles of the workbook (a workbook holds a limited number). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle wrapped;
        final CellStyle metaHeader;
        final CellStyle meta;
        final CellStyle reason;
        final CellStyle text;
        final CellStyle number;
        final CellStyle date;
        final CellStyle failingText;
        final CellStyle failingNumber;
        final CellStyle failingDate;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            metaHeader = workbook.createCellStyle();
            metaHeader.setFont(bold);
            fill(metaHeader, IndexedColors.GREY_25_PERCENT);
            meta = workbook.createCellStyle();
            fill(meta, IndexedColors.GREY_25_PERCENT);
            reason = workbook.createCellStyle();
            fill(reason, IndexedColors.GREY_25_PERCENT);
            reason.setWrapText(true);
            short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            number = workbook.createCellStyle();
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            failingText = failing(workbook);
            failingText.setDataFormat(workbook.createDataFormat().getFormat("@"));
            failingNumber = failing(workbook);
            failingDate = failing(workbook);
            failingDate.setDataFormat(dateFormat);
        }

        private static CellStyle failing(SXSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            fill(style, IndexedColors.ROSE);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setBottomBorderColor(IndexedColors.RED.getIndex());
            style.setTopBorderColor(IndexedColors.RED.getIndex());
            style.setLeftBorderColor(IndexedColors.RED.getIndex());
            style.setRightBorderColor(IndexedColors.RED.getIndex());
            return style;
        }

        private static void fill(CellStyle style, IndexedColors colour) {
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
