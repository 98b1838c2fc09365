package cn.sanshe.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.template.BlankTemplates;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.Template;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import cn.sanshe.pipeline.ingest.template.ValueKind;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code templates export}: seven blank workbooks whose header ingest recognises, with dropdowns
 * and validation a spreadsheet enforces (checked through the validation rules in the file), that
 * pass ingest once filled with valid rows.
 */
@SpringBootTest
class BlankTemplatesIntegrationTests {

    static final String CREDIT = credit("MA0000011");

    @TempDir
    Path dir;

    @Autowired
    IngestRun ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Test
    void templatesExportWritesSevenWorkbooksWithoutStartingTheDatabase() throws Exception {
        int starts = ApplicationCommand.applicationStarts();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "templates", "export", "--out", dir.resolve("blank").toString());

        assertThat(status).as(err.toString()).isZero();
        assertThat(ApplicationCommand.applicationStarts()).isEqualTo(starts);
        assertThat(out.toString()).contains("已写出 7 个空白模板");
        for (TemplateId id : TemplateId.values()) {
            assertThat(dir.resolve("blank").resolve(BlankTemplates.fileName(id))).exists();
        }
    }

    @Test
    void everyVocabularyHasADropdownAndTheRulesRefuseInvalidCodesAndValues() throws Exception {
        List<Path> files = BlankTemplates.writeAll(TemplateCatalog.standard(), dir);
        for (Template template : TemplateCatalog.standard().templates()) {
            try (InputStream in = Files.newInputStream(dir.resolve(BlankTemplates.fileName(template.id())));
                 XSSFWorkbook book = new XSSFWorkbook(in)) {
                XSSFSheet sheet = book.getSheetAt(0);
                List<String> header = new ArrayList<>();
                sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
                assertThat(header).containsExactlyElementsOf(template.columns().stream().map(ColumnSpec::header).toList());
                assertThat(book.getSheet("填表说明")).isNotNull();
                for (int i = 0; i < template.columns().size(); i++) {
                    ColumnSpec column = template.columns().get(i);
                    DataValidationConstraint rule = ruleAt(sheet, i);
                    String as = template.id() + " " + column.header();
                    if (column.kind().hasVocabulary() || column.kind() == ValueKind.YES_NO
                            || column.kind() == ValueKind.RATING) {
                        assertThat(rule).as(as + " dropdown").isNotNull();
                        assertThat(rule.getValidationType()).as(as).isEqualTo(ValidationType.LIST);
                        assertThat(accepts(rule, BlankTemplates.choices(column).get(0))).as(as).isTrue();
                        assertThat(accepts(rule, "不知道")).as(as + " refuses a value not in the list").isFalse();
                    }
                    switch (column.kind()) {
                        case COMMUNITY_CODE -> {
                            assertThat(accepts(rule, "130102001001")).as(as).isTrue();
                            assertThat(accepts(rule, "13010200100")).as(as + " refuses 11 digits").isFalse();
                            assertThat(accepts(rule, "1301020010011")).as(as + " refuses 13 digits").isFalse();
                        }
                        case CREDIT_CODE -> assertThat(accepts(rule, "5213010212345")).as(as).isFalse();
                        case ID_NUMBER -> assertThat(accepts(rule, "13010219850305")).as(as).isFalse();
                        case STREET_CODE -> assertThat(accepts(rule, "1301020")).as(as).isFalse();
                        case DISTRICT_CODE -> assertThat(accepts(rule, "1301")).as(as).isFalse();
                        case INTEGER -> {
                            assertThat(rule.getValidationType()).as(as).isEqualTo(ValidationType.INTEGER);
                            assertThat(accepts(rule, "-650")).as(as + " refuses a negative").isFalse();
                            assertThat(accepts(rule, "650")).as(as).isTrue();
                        }
                        case DATE -> assertThat(rule.getValidationType()).as(as).isEqualTo(ValidationType.DATE);
                        default -> {
                        }
                    }
                }
            }
        }
        assertThat(files).hasSize(7);
    }

    @Test
    void blankTemplatesFilledWithValidRowsPassIngest() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        Path blank = dir.resolve("blank");
        BlankTemplates.writeAll(TemplateCatalog.standard(), blank);
        Path inbox = dir.resolve("inbox");
        Map<TemplateId, List<Object[]>> rows = Map.of(
                TemplateId.S1, List.<Object[]>of(new Object[] {"130102001001", "锦绣社区", "城市社区", 1200, 3500, 800.5, 6, 120,
                    "2026-10"}),
                TemplateId.S2, List.<Object[]>of(new Object[] {"锦绣社区老年协会", "", "已备案", "BA-2026-001", "社区社会组织",
                    "养老服务", "王芳", "13800000001", "130102001001", LocalDate.of(2019, 5, 1), "3A", "否"}),
                TemplateId.S3, List.<Object[]>of(new Object[] {"张伟", id("19850305", 11), "男", LocalDate.of(1985, 3, 5),
                    "本科", "中共党员", "主任", "是", "是", "社会工作师", "S2021001", "130102001001", LocalDate.of(2019, 3, 5),
                    "13800000002"}),
                TemplateId.S4, List.<Object[]>of(new Object[] {"130102001", "建北街道", "是", 1200, LocalDate.of(2020, 5, 1)}),
                TemplateId.D1, List.<Object[]>of(new Object[] {CREDIT, "长安区阳光助老服务中心", "民办非企业单位",
                    LocalDate.of(2018, 6, 1), "正常", "张敏", "建北街道1号", "130102001001", "4A", "否"}),
                TemplateId.D2, List.<Object[]>of(new Object[] {"长安区社会组织孵化基地", "区级", "130102", "", 500,
                    LocalDate.of(2020, 1, 1), "", 10, 30, 5}),
                TemplateId.D3, List.<Object[]>of(new Object[] {"张伟", id("19850305", 11), "社会工作师", "S2021001", 2021,
                    "锦绣社区", "130102001"}));
        for (TemplateId id : TemplateId.values()) {
            Path target = inbox.resolve("2026-10").resolve(id.fromDistrict() ? "130102" : "130102001")
                    .resolve(BlankTemplates.fileName(id));
            Files.createDirectories(target.getParent());
            try (InputStream in = Files.newInputStream(blank.resolve(BlankTemplates.fileName(id)));
                 XSSFWorkbook book = new XSSFWorkbook(in)) {
                Sheet sheet = book.getSheetAt(0);
                int r = 1;
                for (Object[] values : rows.get(id)) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.length; c++) {
                        Cell cell = row.createCell(c);
                        Object value = values[c];
                        if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                        } else if (value instanceof LocalDate date) {
                            cell.setCellValue(date);
                            cell.setCellStyle(sheet.getColumnStyle(c));
                        } else if (!value.toString().isEmpty()) {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    book.write(out);
                }
            }
        }

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        List<Map<String, Object>> sheets = jdbc.queryForList("""
                SELECT s.template, s.sheet_name, s.rows_read, s.rows_loaded, s.rows_rejected, s.note
                FROM ingest_sheet s ORDER BY s.template""");
        String rejects = String.join(" | ", jdbc.queryForList("SELECT reasons FROM ingest_reject", String.class));
        assertThat(sheets.stream().filter(s -> s.get("template") != null).map(s -> s.get("template")).toList())
                .as(sheets.toString()).containsExactly("D1", "D2", "D3", "S1", "S2", "S3", "S4");
        for (Map<String, Object> sheet : sheets) {
            if (sheet.get("template") != null) {
                assertThat(sheet).as(rejects).containsEntry("rows_read", 1).containsEntry("rows_loaded", 1)
                        .containsEntry("rows_rejected", 0);
            }
        }
    }

    /** The rule of the file that covers the first data row of a column, or null. */
    private static DataValidationConstraint ruleAt(XSSFSheet sheet, int column) {
        for (DataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(1, column) && range.isInRange(BlankTemplates.ROWS, column)) {
                    assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
                    assertThat(validation.getShowErrorBox()).isTrue();
                    return validation.getValidationConstraint();
                }
            }
        }
        return null;
    }

    /** What a spreadsheet does with a typed value under the rule (a stop rule: refused means not entered). */
    private static boolean accepts(DataValidationConstraint rule, String value) {
        if (rule == null) {
            return true;
        }
        return switch (rule.getValidationType()) {
            case ValidationType.LIST -> {
                String[] list = rule.getExplicitListValues() != null ? rule.getExplicitListValues()
                        : rule.getFormula1().replace("\"", "").split(",");
                yield Arrays.asList(list).contains(value);
            }
            case ValidationType.TEXT_LENGTH -> compare(rule, value.length());
            case ValidationType.INTEGER -> value.matches("-?[0-9]+") && compare(rule, Double.parseDouble(value));
            case ValidationType.DECIMAL -> value.matches("-?[0-9]+(\\.[0-9]+)?") && compare(rule, Double.parseDouble(value));
            default -> true;
        };
    }

    private static boolean compare(DataValidationConstraint rule, double x) {
        double a = Double.parseDouble(rule.getFormula1());
        return switch (rule.getOperator()) {
            case OperatorType.EQUAL -> x == a;
            case OperatorType.BETWEEN -> x >= a && x <= Double.parseDouble(rule.getFormula2());
            case OperatorType.GREATER_OR_EQUAL -> x >= a;
            case OperatorType.GREATER_THAN -> x > a;
            default -> throw new AssertionError("operator " + rule.getOperator());
        };
    }

    private static String id(String birth, int sequence) {
        String first17 = "130102" + birth + String.format("%03d", sequence);
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    private static String credit(String organisation) {
        String first17 = "52130102" + organisation;
        return first17 + CreditCode.checkCharacter(first17);
    }
}
