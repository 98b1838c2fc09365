package cn.sanshe.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.identifiers.CodeCheck;
import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo inbox read back the way the pipeline will read it: by header, not by position, with
 * headers matched through the aliases of sources.md. No Spring context.
 */
class DemoInboxTests {

    private static final long SEED = 130100L;
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 31);
    private static final Set<String> CERTIFICATE_LEVELS = Set.of("助理社会工作师", "社会工作师", "高级社会工作师");

    @TempDir
    static Path first;
    @TempDir
    static Path second;

    private static DemoInbox.Summary summary;
    private static DemoInbox.Summary again;
    private static Reference reference;
    private static List<Table> tables;

    @BeforeAll
    static void writeTwice() throws IOException {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.CHINA);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            summary = DemoInbox.write(first, MONTHS, SEED);
            // The bytes must not depend on the machine either.
            Locale.setDefault(Locale.US);
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            again = DemoInbox.write(second, MONTHS, SEED);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        reference = Reference.load();
        tables = new ArrayList<>();
        for (DemoInbox.Summary.File f : summary.files()) {
            tables.addAll(Table.read(first.resolve(f.relativePath()), f));
        }
    }

    @Test
    void everyStreetSendsS1ToS4AndEveryDistrictD1ToD3EachMonth() {
        for (YearMonth month : MONTHS) {
            Map<String, Set<String>> templatesByUnit = new HashMap<>();
            summary.files().stream().filter(f -> f.period().equals(month)).forEach(f -> templatesByUnit
                    .computeIfAbsent(f.unit(), k -> new TreeSet<>()).addAll(List.of(f.template().split("\\+"))));
            assertThat(templatesByUnit.keySet()).hasSize(28)
                    .containsAll(reference.streets).containsAll(reference.districts);
            reference.streets.forEach(s -> assertThat(templatesByUnit.get(s)).as(s).containsExactly("S1", "S2", "S3", "S4"));
            reference.districts.forEach(d -> assertThat(templatesByUnit.get(d)).as(d).containsExactly("D1", "D2", "D3"));
        }
        for (DemoInbox.Summary.File f : summary.files()) {
            assertThat(f.relativePath()).startsWith(f.period() + "/" + f.unit() + "/");
            assertThat(first.resolve(f.relativePath())).isRegularFile();
            assertThat(f.dataRows()).as(f.relativePath()).isPositive();
        }
        assertThat(summary.files()).anyMatch(f -> f.template().contains("+"));
    }

    @Test
    void allFormatsAndCsvEncodingsAppear() throws IOException {
        Map<String, Long> byExtension = summary.files().stream().collect(Collectors.groupingBy(
                f -> f.relativePath().substring(f.relativePath().lastIndexOf('.') + 1), Collectors.counting()));
        assertThat(byExtension).containsOnlyKeys("xlsx", "xls", "csv");
        int bom = 0;
        int utf8 = 0;
        int gbk = 0;
        for (DemoInbox.Summary.File f : summary.files()) {
            if (!f.relativePath().endsWith(".csv")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(first.resolve(f.relativePath()));
            if (bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
                assertThat(strict(StandardCharsets.UTF_8, Arrays.copyOfRange(bytes, 3, bytes.length))).containsPattern("\\p{IsHan}");
                bom++;
            } else if (strict(StandardCharsets.UTF_8, bytes) != null) {
                assertThat(strict(StandardCharsets.UTF_8, bytes)).containsPattern("\\p{IsHan}");
                utf8++;
            } else {
                String text = strict(Charset.forName("GBK"), bytes);
                assertThat(text).as(f.relativePath()).isNotNull().containsPattern("\\p{IsHan}{4}");
                gbk++;
            }
        }
        assertThat(List.of(bom, utf8, gbk)).allMatch(n -> n > 0);
    }

    @Test
    void theSameSeedGivesTheSameFilesAndBytes() throws IOException {
        assertThat(again.files()).isEqualTo(summary.files());
        for (DemoInbox.Summary.File f : summary.files()) {
            assertThat(Files.readAllBytes(second.resolve(f.relativePath())))
                    .as(f.relativePath()).isEqualTo(Files.readAllBytes(first.resolve(f.relativePath())));
        }
    }

    @Test
    void certifiedWorkersOnTheRostersAreInTheDistrictRegister() {
        int checked = 0;
        for (YearMonth month : MONTHS) {
            Map<String, Map<String, String>> register = new HashMap<>();
            for (Table d3 : tables(month, "D3")) {
                for (List<String> row : d3.data) {
                    assertThat(d3.get(row, Column.D3_LEVEL)).isIn(CERTIFICATE_LEVELS);
                    register.computeIfAbsent(d3.unit.substring(0, 6), k -> new HashMap<>())
                            .put(identity(d3.get(row, Column.ID)), d3.get(row, Column.CERT_NO));
                }
            }
            int claimedOnly = 0;
            for (Table s3 : tables(month, "S3")) {
                for (List<String> row : s3.data) {
                    if (CERTIFICATE_LEVELS.contains(s3.get(row, Column.S3_LEVEL))) {
                        String id = identity(s3.get(row, Column.ID));
                        Map<String, String> district = register.getOrDefault(s3.unit.substring(0, 6), Map.of());
                        if (!s3.get(row, Column.CERT_NO).equals(district.get(id))) {
                            // The steward's practice row (CERT_NOT_IN_REGISTER), in the first street only.
                            assertThat(s3.unit).as(s3.file + " " + IdentityNumber.mask(id)).isEqualTo("130102001");
                            claimedOnly++;
                            continue;
                        }
                        checked++;
                    }
                }
            }
            assertThat(claimedOnly).as("claimed certificates the register lacks, " + month).isEqualTo(1);
            // The register also knows people on no roster.
            long onRosters = tables(month, "S3").stream().flatMap(t -> t.data.stream().map(r -> t.get(r, Column.S3_LEVEL)))
                    .filter(CERTIFICATE_LEVELS::contains).count();
            assertThat(register.values().stream().mapToInt(Map::size).sum()).isGreaterThan((int) onRosters);
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void registeredOrganizationsOnTheLedgersAreInTheDistrictRegistry() {
        int renamed = 0;
        for (YearMonth month : MONTHS) {
            Map<String, String> registry = new HashMap<>();
            tables(month, "D1").forEach(t -> t.data.forEach(r -> registry.put(t.get(r, Column.CREDIT), t.get(r, Column.ORG_NAME))));
            for (Table s2 : tables(month, "S2")) {
                for (List<String> row : s2.data) {
                    String code = s2.get(row, Column.CREDIT);
                    if (!code.isEmpty() && CreditCode.check(code).isValid()) {
                        assertThat(registry).as(s2.file + " " + row).containsKey(code);
                        renamed += registry.get(code).equals(s2.get(row, Column.ORG_NAME)) ? 0 : 1;
                    }
                }
            }
            assertThat(tables(month, "D1").stream().flatMap(t -> t.data.stream().map(r -> t.get(r, Column.D1_STATUS))))
                    .contains("正常", "注销");
        }
        assertThat(renamed).as("names written differently in the registry").isGreaterThan(10);
    }

    @Test
    void workbooksOpenWithTheHeaderBelowTheTitleRows() throws IOException {
        int titled = 0;
        int withFillLine = 0;
        int notes = 0;
        int dateCells = 0;
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        for (DemoInbox.Summary.File f : summary.files()) {
            if (f.relativePath().endsWith(".csv")) {
                continue;
            }
            try (Workbook workbook = WorkbookFactory.create(first.resolve(f.relativePath()).toFile(), null, true)) {
                int templateSheets = 0;
                for (Sheet sheet : workbook) {
                    List<List<String>> rows = Table.rows(sheet, formatter);
                    int header = Table.headerRow(rows);
                    if (header < 0) {
                        assertThat(sheet.getSheetName()).isEqualTo("填表说明");
                        notes++;
                        continue;
                    }
                    templateSheets++;
                    if (header > 0 && rows.get(0).get(0).endsWith("（" + f.period().getYear() + "年"
                            + f.period().getMonthValue() + "月）")) {
                        int lastColumn = rows.get(header).size() - 1;
                        assertThat(sheet.getMergedRegions()).as(f.relativePath())
                                .contains(new CellRangeAddress(0, 0, 0, lastColumn));
                        titled++;
                        if (header == 2 && rows.get(1).get(0).startsWith("填报单位：")) {
                            withFillLine++;
                        }
                    }
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            dateCells += row.getRowNum() > header && cell.getCellType() == CellType.NUMERIC
                                    && DateUtil.isCellDateFormatted(cell) ? 1 : 0;
                        }
                    }
                }
                assertThat(templateSheets).as(f.relativePath()).isEqualTo(f.template().split("\\+").length);
            }
        }
        assertThat(List.of(titled, withFillLine, notes, dateCells)).allMatch(n -> n > 0);
    }

    @Test
    void dataRowCountsMatchWhatAReaderFinds() {
        Map<String, Integer> read = new HashMap<>();
        tables.forEach(t -> read.merge(t.file, t.data.size(), Integer::sum));
        summary.files().forEach(f -> assertThat(read.get(f.relativePath())).as(f.relativePath()).isEqualTo(f.dataRows()));
    }

    @Test
    void theWrongRowsAreOneOfEachKindPerMonth() {
        for (YearMonth month : MONTHS) {
            int rows = summary.files().stream().filter(f -> f.period().equals(month)).mapToInt(DemoInbox.Summary.File::dataRows).sum();
            int badCredit = count(month, "S2", Column.CREDIT, v -> !v.isEmpty() && !CreditCode.check(v).isValid())
                    + count(month, "D1", Column.CREDIT, v -> !CreditCode.check(v).isValid());
            int badId = count(month, "S3", Column.ID, v -> !IdentityNumber.check(v, TODAY).isValid())
                    + count(month, "D3", Column.ID, v -> !IdentityNumber.check(v, TODAY).isValid());
            int unknownCommunity = count(month, "S1", Column.COMMUNITY, v -> !reference.communities.contains(v))
                    + count(month, "S2", Column.COMMUNITY, v -> !reference.communities.contains(v))
                    + count(month, "S3", Column.COMMUNITY, v -> !reference.communities.contains(v));
            int negative = count(month, "S1", Column.HOUSEHOLDS, v -> v.startsWith("-"));
            int badPhone = count(month, "S2", Column.PHONE, v -> !v.isEmpty() && !v.matches("1[3-9]\\d{9}"))
                    + count(month, "S3", Column.PHONE, v -> !v.isEmpty() && !v.matches("1[3-9]\\d{9}"));
            assertThat(List.of(badCredit, badId, unknownCommunity, negative, badPhone)).as(month.toString())
                    .containsOnly(1);
            assertThat(5.0 / rows).isLessThan(0.01);
        }
    }

    @Test
    void workersAgreeWithTheirIdentityNumbers() {
        int legacy = 0;
        int lowerX = 0;
        for (Table s3 : tables.stream().filter(t -> t.template.equals("S3")).toList()) {
            for (List<String> row : s3.data) {
                String raw = s3.get(row, Column.ID);
                CodeCheck id = IdentityNumber.check(raw, TODAY);
                if (!id.isValid()) {
                    continue;
                }
                legacy += raw.length() == 15 ? 1 : 0;
                lowerX += raw.endsWith("x") ? 1 : 0;
                if (s3.has(Column.GENDER)) {
                    assertThat(s3.get(row, Column.GENDER)).isEqualTo(IdentityNumber.gender(id.value()));
                }
                int age = Period.between(IdentityNumber.birthDate(id.value()), s3.period.atEndOfMonth()).getYears();
                assertThat(age).isBetween(22, 60);
                assertThat(id.value()).startsWith(s3.unit.substring(0, 6));
            }
        }
        assertThat(legacy).isPositive();
        assertThat(lowerX).isPositive();
    }

    @Test
    void theClerksMessIsThere() {
        Set<String> cells = new HashSet<>();
        tables.forEach(t -> {
            cells.addAll(t.header);
            t.all.forEach(cells::addAll);
        });
        assertThat(cells).contains("社区编码", "身份证号码", "*姓名", "身份证号（必填）", "合计");
        assertThat(cells).anyMatch(c -> c.contains("面积（㎡）"));
        assertThat(cells).anyMatch(c -> c.contains("\n"));
        assertThat(cells).anyMatch(c -> c.startsWith("填表人："));
        assertThat(cells).anyMatch(c -> c.matches("-?\\d{1,3}(,\\d{3})+"));
        for (String form : List.of("\\d{4}-\\d{2}-\\d{2}", "\\d{4}/\\d{1,2}/\\d{1,2}", "\\d{4}\\.\\d{2}\\.\\d{2}",
                "\\d{4}年\\d{1,2}月\\d{1,2}日", "(19|20)\\d{2}(0[1-9]|1[0-2])\\d{2}", "(19|20)\\d{2}\\.\\d{1,2}",
                "\\d{4}年\\d{1,2}月")) {
            assertThat(cells).as(form).anyMatch(c -> c.matches(form));
        }
    }

    private static List<Table> tables(YearMonth month, String template) {
        return tables.stream().filter(t -> t.period.equals(month) && t.template.equals(template)).toList();
    }

    private static int count(YearMonth month, String template, Column column, Predicate<String> wrong) {
        int n = 0;
        for (Table t : tables(month, template)) {
            if (t.has(column)) {
                n += (int) t.data.stream().map(r -> t.get(r, column).replace(",", "")).filter(wrong).count();
            }
        }
        return n;
    }

    private static String identity(String raw) {
        CodeCheck check = IdentityNumber.check(raw, TODAY);
        assertThat(check.isValid()).as(raw).isTrue();
        return check.value();
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The columns these tests look at, with their aliases from sources.md. */
    private enum Column {
        ID("身份证号", "身份证号码", "公民身份号码", "身份证"),
        GENDER("性别"),
        S3_LEVEL("社工证等级", "职业资格", "社会工作者职业资格"),
        CERT_NO("证书编号", "资格证书编号", "管理号"),
        D3_LEVEL("证书等级", "资格等级"),
        COMMUNITY("社区代码", "社区编码", "区划代码", "社区(村)代码", "统计用区划代码", "所属社区代码"),
        HOUSEHOLDS("户数", "总户数", "居民户数"),
        CREDIT("统一社会信用代码", "信用代码", "社会信用代码"),
        ORG_NAME("组织名称", "社会组织名称", "名称"),
        D1_STATUS("登记状态", "状态"),
        PHONE("联系电话", "电话", "手机", "手机号码"),
        BUILT("是否建成", "综合服务中心是否建成", "建成情况");

        private final Set<String> names;

        Column(String... names) {
            this.names = Set.of(names);
        }
    }

    /** Every header name and alias of sources.md, to find the header row as the pipeline must. */
    private static final Set<String> KNOWN_HEADERS = Set.of("社区代码", "社区编码", "区划代码", "社区(村)代码",
            "统计用区划代码", "社区名称", "社区(村)名称", "社区", "城乡类型", "社区类型", "城乡分类", "户数", "总户数", "居民户数",
            "常住人口", "人口数", "居民人数", "常住人口数", "综合服务设施面积", "服务用房面积", "办公服务用房面积", "网格数",
            "网格数量", "注册志愿者人数", "志愿者人数", "统计月份", "月份", "报送月份", "组织名称", "社会组织名称", "名称",
            "统一社会信用代码", "信用代码", "社会信用代码", "登记状态", "登记/备案", "管理方式", "备案编号", "组织类型", "类型",
            "服务领域", "活动领域", "类别", "负责人", "法定代表人", "联系人", "联系电话", "电话", "手机", "所属社区代码",
            "成立日期", "成立时间", "备案日期", "评估等级", "等级", "是否社工机构", "社工机构", "姓名", "身份证号", "身份证号码",
            "公民身份号码", "身份证", "性别", "出生日期", "出生年月", "学历", "文化程度", "最高学历", "政治面貌", "职务", "岗位",
            "是否居委会成员", "两委成员", "是否两委成员", "社会工作专业岗位", "是否社工岗位", "社工证等级", "职业资格",
            "社会工作者职业资格", "证书编号", "资格证书编号", "入职日期", "参加工作时间", "手机号码", "街道代码",
            "街道(乡镇)代码", "街道名称", "街道(乡镇)名称", "是否建成", "综合服务中心是否建成", "建成情况", "中心面积", "面积",
            "建筑面积", "启用日期", "投入使用日期", "登记日期", "成立登记日期", "状态", "住所", "地址", "基地名称", "级别", "层级",
            "所在区代码", "区县代码", "所在街道代码", "建成日期", "运营机构统一社会信用代码", "运营机构信用代码", "在孵组织数",
            "入驻组织数", "累计孵化数", "出壳组织数", "已出壳数", "证书等级", "资格等级", "管理号", "取得年份", "取得时间", "工作单位");

    /** NFKC (full-width brackets), no spaces or line breaks, no leading * or trailing note in brackets. */
    static String normalise(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\s", "")
                .replaceFirst("^\\*", "").replaceFirst("\\([^()]*\\)$", "");
    }

    /** One template sheet as a reader sees it: the header found by content, data rows below it. */
    private static final class Table {

        final String file;
        final String template;
        final String unit;
        final YearMonth period;
        final List<String> header;
        final List<List<String>> data = new ArrayList<>();
        final List<List<String>> all;

        private Table(DemoInbox.Summary.File f, String template, List<List<String>> rows, int headerRow) {
            this.file = f.relativePath();
            this.template = template;
            this.unit = f.unit();
            this.period = f.period();
            this.header = rows.get(headerRow);
            this.all = rows;
            for (List<String> row : rows.subList(headerRow + 1, rows.size())) {
                String first = row.stream().filter(c -> !c.isBlank()).findFirst().orElse("");
                if (!first.isEmpty() && !first.matches("^(合计|总计|小计|填表人：|审核人：|负责人：|备注：).*")) {
                    data.add(row);
                }
            }
        }

        static List<Table> read(Path path, DemoInbox.Summary.File f) throws IOException {
            List<List<List<String>>> sheets = new ArrayList<>();
            if (path.toString().endsWith(".csv")) {
                byte[] bytes = Files.readAllBytes(path);
                String text = strict(StandardCharsets.UTF_8, bytes);
                text = text == null ? new String(bytes, Charset.forName("GBK")) : text.replace("\uFEFF", "");
                List<List<String>> rows = new ArrayList<>();
                for (CSVRecord r : CSVFormat.EXCEL.parse(new StringReader(text))) {
                    rows.add(r.toList());
                }
                sheets.add(rows);
            } else {
                try (Workbook workbook = WorkbookFactory.create(path.toFile(), null, true)) {
                    for (Sheet sheet : workbook) {
                        sheets.add(rows(sheet, new DataFormatter(Locale.ROOT)));
                    }
                }
            }
            List<Table> out = new ArrayList<>();
            for (List<List<String>> rows : sheets) {
                int header = headerRow(rows);
                if (header >= 0) {
                    out.add(new Table(f, templateOf(f.template(), rows.get(header)), rows, header));
                }
            }
            return out;
        }

        /** A bundle holds S1+S4 or S2+S3; the header tells which sheet is which. */
        private static String templateOf(String templates, List<String> header) {
            if (!templates.contains("+")) {
                return templates;
            }
            Set<String> names = header.stream().map(DemoInboxTests::normalise).collect(Collectors.toSet());
            if (templates.equals("S1+S4")) {
                return names.stream().anyMatch(Column.BUILT.names::contains) ? "S4" : "S1";
            }
            return names.stream().anyMatch(Column.ID.names::contains) ? "S3" : "S2";
        }

        static List<List<String>> rows(Sheet sheet, DataFormatter formatter) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }

        /** The first of the first 10 rows with at least three known headers, or -1. */
        static int headerRow(List<List<String>> rows) {
            for (int r = 0; r < Math.min(10, rows.size()); r++) {
                if (rows.get(r).stream().map(DemoInboxTests::normalise).filter(KNOWN_HEADERS::contains).count() >= 3) {
                    return r;
                }
            }
            return -1;
        }

        boolean has(Column column) {
            return index(column) >= 0;
        }

        String get(List<String> row, Column column) {
            int i = index(column);
            assertThat(i).as(file + " has no column " + column).isNotNegative();
            return i < row.size() ? row.get(i).trim() : "";
        }

        private int index(Column column) {
            for (int i = 0; i < header.size(); i++) {
                if (column.names.contains(normalise(header.get(i)))) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The streets, districts and communities of the demo city, from the reference CSV. */
    private record Reference(Set<String> streets, Set<String> districts, Set<String> communities) {

        static Reference load() throws IOException {
            Set<String> streets = new HashSet<>();
            Set<String> districts = new HashSet<>();
            Set<String> communities = new HashSet<>();
            try (InputStream in = DemoInboxTests.class.getClassLoader()
                    .getResourceAsStream("sql/reference/divisions-130100-shijiazhuang.csv")) {
                assertThat(in).isNotNull();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(text))) {
                    switch (r.get("level")) {
                        case "street" -> streets.add(r.get("code").substring(0, 9));
                        case "district" -> districts.add(r.get("code").substring(0, 6));
                        case "community" -> communities.add(r.get("code"));
                        default -> { }
                    }
                }
            }
            assertThat(streets).hasSize(24);
            assertThat(districts).hasSize(4);
            return new Reference(streets, districts, communities);
        }
    }
}
