package cn.sanshe.pipeline.ingest.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Blank workbooks for streets and districts, one per template (S1–S4, D1–D3): the header row of
 * sources.md (what ingest recognises), a dropdown for every column with a vocabulary, and data
 * validation on codes (their length), numbers (not negative) and dates — so most rejects are
 * refused while the clerk types, not a month later. A 填表说明 sheet (which ingest ignores) says what
 * each column takes. Cells of code columns are text, so 12-digit codes keep their digits.
 */
public final class BlankTemplates {

    /** Data rows the validation covers (a street's roster is a few hundred rows). */
    public static final int ROWS = 5000;

    private BlankTemplates() {
    }

    /** The file name of a template's blank workbook: {@code S3 社区工作者花名册.xlsx}. */
    public static String fileName(TemplateId id) {
        return id.name() + " " + id.title() + ".xlsx";
    }

    /** Writes the seven blank workbooks into a folder (made if missing); returns their paths. */
    public static List<Path> writeAll(TemplateCatalog catalog, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Template template : catalog.templates()) {
            Path file = folder.resolve(fileName(template.id()));
            try (OutputStream out = Files.newOutputStream(file)) {
                write(template, out);
            }
            written.add(file);
        }
        return written;
    }

    public static void write(Template template, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(template.id().title());
            Sheet notes = workbook.createSheet("填表说明");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle required = workbook.createCellStyle();
            required.setFont(bold);
            required.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            required.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle optional = workbook.createCellStyle();
            optional.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));

            Row header = sheet.createRow(0);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            Row notesHeader = notes.createRow(0);
            notesHeader.createCell(0).setCellValue("列");
            notesHeader.createCell(1).setCellValue("必填");
            notesHeader.createCell(2).setCellValue("填写要求");
            List<ColumnSpec> columns = template.columns();
            for (int i = 0; i < columns.size(); i++) {
                ColumnSpec column = columns.get(i);
                Cell cell = header.createCell(i);
                cell.setCellValue(column.header());
                cell.setCellStyle(column.required() ? required : optional);
                String hint = hint(column);
                comment(drawing, workbook, cell, (column.required() ? "必填。" : "选填。") + hint);
                sheet.setColumnWidth(i, Math.max(12, Math.min(30, column.header().length() * 2 + 4)) * 256);
                Row note = notes.createRow(i + 1);
                note.createCell(0).setCellValue(column.header());
                note.createCell(1).setCellValue(column.required() ? "是" : "否");
                note.createCell(2).setCellValue(hint);
                if (isCode(column.kind()) || column.kind() == ValueKind.PHONE || column.kind() == ValueKind.TEXT) {
                    sheet.setDefaultColumnStyle(i, text);
                } else if (column.kind() == ValueKind.DATE) {
                    sheet.setDefaultColumnStyle(i, date);
                }
                DataValidationConstraint constraint = constraint(helper, column);
                if (constraint != null) {
                    DataValidation validation = helper.createValidation(constraint,
                            new CellRangeAddressList(1, ROWS, i, i));
                    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                    validation.setShowErrorBox(true);
                    validation.createErrorBox("“" + column.header() + "”填写有误", hint);
                    validation.setShowPromptBox(true);
                    validation.createPromptBox(column.header(), hint);
                    validation.setEmptyCellAllowed(true);
                    if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
                        validation.setSuppressDropDownArrow(true);   // XSSF: true shows the arrow
                    }
                    sheet.addValidationData(validation);
                }
            }
            sheet.createFreezePane(0, 1);
            int line = columns.size() + 2;
            for (String general : new String[] {
                "第一行是表头，请不要修改、删除或调换表头；数据从第二行起填写，每行一条。",
                "黄色表头为必填列。下拉框的列请从下拉框中选择；代码列请填写完整数字（社区12位、街道9位、区县6位）。",
                "日期请填写为日期（如 2026-10-08）。可以在表头上方加标题行或“填报单位”行（最多9行）。",
                "文件放在收件箱的 <yyyy-MM>/<单位代码>/ 文件夹中，如 2026-10/130102001/；统计月份也可以写在标题里。",
                "本工作表（填表说明）入库时会被忽略。"}) {
                notes.createRow(line++).createCell(0).setCellValue(general);
            }
            notes.setColumnWidth(0, 24 * 256);
            notes.setColumnWidth(2, 70 * 256);
            workbook.write(out);
        }
    }

    private static boolean isCode(ValueKind kind) {
        return kind == ValueKind.COMMUNITY_CODE || kind == ValueKind.STREET_CODE || kind == ValueKind.DISTRICT_CODE
                || kind == ValueKind.CREDIT_CODE || kind == ValueKind.ID_NUMBER || kind == ValueKind.PERIOD;
    }

    /** The values a dropdown offers: the canonical ones, in the words clerks use. */
    public static List<String> choices(ColumnSpec column) {
        return switch (column.kind()) {
            case YES_NO -> List.of("是", "否");
            case RATING -> List.of("1A", "2A", "3A", "4A", "5A");
            case URBAN_RURAL -> column.vocabulary().stream().map(v -> v.equals("urban") ? "城市社区" : "农村社区").toList();
            default -> column.vocabulary();
        };
    }

    private static DataValidationConstraint constraint(DataValidationHelper helper, ColumnSpec column) {
        return switch (column.kind()) {
            case COMMUNITY_CODE -> helper.createTextLengthConstraint(OperatorType.EQUAL, "12", null);
            case STREET_CODE -> helper.createTextLengthConstraint(OperatorType.BETWEEN, "9", "12");
            case DISTRICT_CODE -> helper.createTextLengthConstraint(OperatorType.BETWEEN, "6", "12");
            case CREDIT_CODE -> helper.createTextLengthConstraint(OperatorType.EQUAL, "18", null);
            case ID_NUMBER -> helper.createTextLengthConstraint(OperatorType.BETWEEN, "15", "18");
            case PERIOD -> helper.createTextLengthConstraint(OperatorType.EQUAL, "7", null);
            case NAME -> helper.createTextLengthConstraint(OperatorType.BETWEEN, "2", "20");
            case INTEGER -> helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
            case DECIMAL -> helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
            case POSITIVE_DECIMAL -> helper.createDecimalConstraint(OperatorType.GREATER_THAN, "0", null);
            case DATE -> helper.createDateConstraint(OperatorType.BETWEEN, "DATE(1900,1,1)", "DATE(2100,12,31)",
                    "yyyy-MM-dd");
            case YEAR_OR_DATE -> null;
            default -> column.kind().hasVocabulary() || column.kind() == ValueKind.YES_NO
                    || column.kind() == ValueKind.RATING
                    ? helper.createExplicitListConstraint(choices(column).toArray(String[]::new)) : null;
        };
    }

    /** What a column takes, in a clerk's words. */
    public static String hint(ColumnSpec column) {
        return switch (column.kind()) {
            case COMMUNITY_CODE -> "12位社区（村）区划代码，如 130102001001；须在区划表中。";
            case STREET_CODE -> "9位街道（乡镇）代码，如 130102001（12位末三位为000也可）。";
            case DISTRICT_CODE -> "6位区县代码，如 130102（12位末六位为000000也可）。";
            case CREDIT_CODE -> "18位统一社会信用代码，按登记证书填写。";
            case ID_NUMBER -> "18位公民身份号码（15位旧号也可），按证件原件填写。";
            case NAME -> "姓名，2至20个字。";
            case INTEGER -> "不小于0的整数。";
            case DECIMAL -> "不小于0的数。";
            case POSITIVE_DECIMAL -> "大于0的数。";
            case DATE -> "日期，如 2026-10-08。";
            case PERIOD -> "统计月份 yyyy-MM，如 2026-10。";
            case YEAR_OR_DATE -> "年份（如 2021）或日期。";
            case PHONE -> "手机或固定电话号码。";
            case TEXT -> "文字。";
            default -> "从下拉框中选择：" + String.join("、", choices(column)) + "。";
        };
    }

    private static void comment(Drawing<?> drawing, XSSFWorkbook workbook, Cell cell, String text) {
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 3);
        anchor.setRow1(0);
        anchor.setRow2(3);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(workbook.getCreationHelper().createRichTextString(text));
        cell.setCellComment(comment);
    }
}
