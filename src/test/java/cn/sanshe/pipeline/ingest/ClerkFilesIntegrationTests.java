package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reference.DivisionLoader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ingestJob over files written by real spreadsheet software: LibreOffice made every .xlsx, .xls and
 * .csv of src/test/resources/ingest/clerks from the hand-made flat ODS sources beside them (see
 * README.txt there). Every template S1–S4 and D1–D3, titles merged above the header, alias and
 * decorated headers, every date form, numbers as text and with thousands separators, totals and
 * signature lines, one bad row per rejection rule; then a copy under another name and a corrected
 * resubmission.
 */
@SpringBootTest
class ClerkFilesIntegrationTests {

    static final Path CLERKS = Path.of("src/test/resources/ingest/clerks");
    static final String DISTRICT = "130102";
    static final String OCT = "2026-10";
    static final String SEP = "2026-09";

    // The identity numbers of the roster, as in the sources (never to appear in a reason).
    static final String QIAN_BAD_ID = "130102198808080553";
    static final String SUN_ID = "130102199203150665";
    static final String ZHOU_ID = "130102194005010773";
    static final String WU_ID = "130102198709090896";

    @Autowired
    IngestRun ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @TempDir
    Path inbox;

    @BeforeEach
    void reset() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
    }

    /** One sheet as designed: where its header is, its period and its row accounting. */
    record Sheet(String file, String name, String template, int headerRow, String period, int read, int loaded,
            int rejected, int skipped) {

        String key() {
            return file + "!" + name;
        }
    }

    /** A bad row as designed: its row and every reason, in the words of validate/Reasons.java. */
    record Bad(int row, String... reasons) {
    }

    enum FileSet {
        XLSX("xlsx"), XLS("xls"), CSV_GBK("gbk.csv"), CSV_UTF8_BOM("utf8bom.csv");

        final String suffix;

        FileSet(String suffix) {
            this.suffix = suffix;
        }

        boolean csv() {
            return suffix.endsWith("csv");
        }

        /** period / unit / fixture file, as a clerk's unit drops them. */
        List<String[]> drops() {
            if (csv()) {
                return List.of(new String[] {OCT, STREET, "s1-community-" + suffix},
                        new String[] {OCT, STREET, "s3-roster-" + suffix});
            }
            return List.of(new String[] {OCT, STREET, "s1-community." + suffix},
                    new String[] {OCT, STREET, "s2-s3-ledger-roster." + suffix},
                    new String[] {OCT, STREET, "s4-centre." + suffix},
                    new String[] {OCT, DISTRICT, "d1-registry." + suffix},
                    new String[] {OCT, DISTRICT, "d2-incubators." + suffix},
                    new String[] {OCT, DISTRICT, "d3-certificates." + suffix},
                    // the street's third-quarter workbook and the district's September one, sent late
                    new String[] {SEP, STREET, "street-q3." + suffix},
                    new String[] {SEP, DISTRICT, "district-2026-09." + suffix});
        }

        List<Sheet> sheets() {
            if (csv()) {
                String s1 = OCT + "/" + STREET + "/s1-community-" + suffix;
                String s3 = OCT + "/" + STREET + "/s3-roster-" + suffix;
                return List.of(
                        new Sheet(s1, base(s1), "S1", 3, OCT, 9, 4, 2, 3),
                        new Sheet(s3, base(s3), "S3", 3, OCT, 11, 4, 4, 3));
            }
            String street = OCT + "/" + STREET + "/";
            String district = OCT + "/" + DISTRICT + "/";
            String q3 = SEP + "/" + STREET + "/street-q3." + suffix;
            String d09 = SEP + "/" + DISTRICT + "/district-2026-09." + suffix;
            return List.of(
                    new Sheet(street + "s1-community." + suffix, "10月", "S1", 3, OCT, 9, 4, 2, 3),
                    new Sheet(street + "s2-s3-ledger-roster." + suffix, "社会组织台账", "S2", 3, OCT, 9, 4, 3, 2),
                    new Sheet(street + "s2-s3-ledger-roster." + suffix, "社区工作者花名册", "S3", 3, OCT, 11, 4, 4, 3),
                    new Sheet(street + "s4-centre." + suffix, "综合服务中心", "S4", 3, OCT, 4, 1, 1, 2),
                    new Sheet(district + "d1-registry." + suffix, "登记社会组织", "D1", 3, OCT, 8, 3, 3, 2),
                    new Sheet(district + "d2-incubators." + suffix, "孵化基地", "D2", 3, OCT, 8, 3, 3, 2),
                    new Sheet(district + "d3-certificates." + suffix, "持证社工", "D3", 3, OCT, 8, 3, 3, 2),
                    // period from the title; no 填报 line, so the header is row 2
                    new Sheet(q3, "7月", "S1", 2, "2026-07", 3, 2, 0, 1),
                    // a units line and the header in row 4; 月份 in every row
                    new Sheet(q3, "8月", "S1", 4, "2026-08", 3, 2, 0, 1),
                    // the title names no month: the drop folder's
                    new Sheet(q3, "9月", "S1", 3, SEP, 2, 2, 0, 0),
                    new Sheet(q3, "9月社会组织", "S2", 3, SEP, 2, 2, 0, 0),
                    new Sheet(q3, "9月花名册", "S3", 4, SEP, 2, 2, 0, 0),
                    new Sheet(q3, "9月服务中心", "S4", 2, SEP, 1, 1, 0, 0),
                    new Sheet(d09, "登记社会组织", "D1", 2, SEP, 2, 2, 0, 0),
                    new Sheet(d09, "孵化基地", "D2", 3, SEP, 2, 2, 0, 0),
                    new Sheet(d09, "持证社工", "D3", 3, SEP, 2, 2, 0, 0));
        }

        private static String base(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.substring(0, name.lastIndexOf('.'));
        }
    }

    /** The bad rows of each template's October sheet, the same in every file set. */
    static List<Bad> badRows(String template) {
        return switch (template) {
            case "S1" -> List.of(
                    new Bad(8, "社区代码 130102001099 不在区划表中"),
                    new Bad(9, "户数应为不小于0的整数，实为“-12”"));
            case "S2" -> List.of(
                    new Bad(8, "已登记的组织缺少统一社会信用代码"),
                    new Bad(9, "统一社会信用代码校验位不符，请核对登记证书"),
                    new Bad(10, "联系电话“1381234567”不是有效的电话号码", "所属社区代码 130102002001 不属于报送单位 130102001"));
            case "S3" -> List.of(
                    new Bad(8, "身份证号校验位不符，请核对证件原件"),
                    new Bad(9, "性别与身份证号不符：身份证号为女"),
                    new Bad(10, "年龄应在16至80岁之间，按身份证号为86岁"),
                    new Bad(11, "学历“大学”不是可选值（初中及以下、高中、中专、大专、本科、硕士研究生、博士研究生）",
                            "入职日期“2019-02-30”不是有效日期"));
            case "S4" -> List.of(
                    new Bad(5, "街道代码 130102002 与报送单位 130102001 不一致", "是否建成“在建”应为是或否"));
            case "D1" -> List.of(
                    new Bad(7, "登记状态“吊销”不是可选值（正常、注销、撤销）"),
                    new Bad(8, "统一社会信用代码应为18位，实为17位", "组织类型“社区社会组织”不是可选值（社会团体、民办非企业单位、基金会）"),
                    new Bad(9, "所属社区代码 130104001001 不属于报送单位 130102"));
            case "D2" -> List.of(
                    new Bad(7, "街道级基地缺少所在街道代码"),
                    new Bad(8, "出壳组织数不能大于累计孵化数"),
                    new Bad(9, "面积应为大于0的数，实为“0”"));
            case "D3" -> List.of(
                    new Bad(7, "证书等级“无”不是可选值（助理社会工作师、社会工作师、高级社会工作师）"),
                    new Bad(8, "取得年份“2019.13”不是有效年份"),
                    new Bad(9, "缺少必填项：证书编号"));
            default -> List.of();
        };
    }

    @ParameterizedTest
    @EnumSource(FileSet.class)
    void everyTemplateFromRealSpreadsheetFilesIsAccountedForRowByRow(FileSet set) throws Exception {
        for (String[] drop : set.drops()) {
            copy(drop[0], drop[1], drop[2], drop[2]);
        }

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForList("SELECT CONCAT(path, ': ', status, ' ', COALESCE(reason, '')) FROM ingest_file "
                + "WHERE status <> 'loaded'", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file", Integer.class)).isEqualTo(set.drops().size());
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ingest_sheet
                WHERE rows_read <> rows_loaded + rows_rejected + rows_skipped""", Integer.class))
                .as("rows read = loaded + rejected + skipped, on every sheet").isZero();

        List<String> recognised = new ArrayList<>();
        for (Sheet expected : set.sheets()) {
            Map<String, Object> sheet = sheet(expected.file(), expected.name());
            recognised.add(expected.key());
            assertThat(sheet).as(expected.key())
                    .containsEntry("template", expected.template())
                    .containsEntry("header_row", expected.headerRow())
                    .containsEntry("period", expected.period())
                    .containsEntry("unit_code", expected.file().split("/")[1])
                    .containsEntry("district_code", DISTRICT)
                    .containsEntry("rows_loaded", expected.loaded())
                    .containsEntry("rows_rejected", expected.rejected());
            assertThat(sheet.get("superseded_by")).as(expected.key()).isNull();
            long sheetId = ((Number) sheet.get("id")).longValue();
            List<Map<String, Object>> rejects = jdbc.queryForList(
                    "SELECT row_no, template, period, status, reasons FROM ingest_reject WHERE sheet_id = ? ORDER BY row_no",
                    sheetId);
            List<Bad> bad = expected.rejected() == 0 ? List.of() : badRows(expected.template());
            assertThat(rejects).as(expected.key()).hasSameSizeAs(bad);
            for (int i = 0; i < bad.size(); i++) {
                Map<String, Object> reject = rejects.get(i);
                assertThat(reject).as(expected.key() + " reject " + i).containsEntry("template", expected.template())
                        .containsEntry("period", expected.period()).containsEntry("status", "open");
                assertThat(((String) reject.get("reasons")).split("；")).as(expected.key() + " reject " + i)
                        .containsExactlyInAnyOrder(bad.get(i).reasons());
            }
            // The CSV roster's header cell holds a line break (社会工作⏎专业岗位): rows are still
            // numbered as Excel and WPS show them, one record one row.
            assertThat(sheet).as(expected.key())
                    .containsEntry("rows_read", expected.read())
                    .containsEntry("rows_skipped", expected.skipped());
            // Good rows come first below the header, then the bad ones; blank, 合计/小计 and
            // signature rows below them are skipped, never staged nor rejected.
            int first = expected.headerRow() + 1;
            assertThat(stagedRows(expected.template(), sheetId)).as(expected.key())
                    .containsExactlyElementsOf(range(first, expected.loaded()));
            assertThat(rejects).extracting(r -> r.get("row_no")).as(expected.key())
                    .containsExactlyElementsOf(range(first + expected.loaded(), expected.rejected()));
            assertThat(rejects).extracting(r -> r.get("row_no")).as(expected.key())
                    .containsExactlyElementsOf(bad.stream().map(Bad::row).map(Object.class::cast).toList());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_sheet WHERE template IS NOT NULL", Integer.class))
                .as("no sheet beyond the designed ones: %s", recognised).isEqualTo(set.sheets().size());
        assertThat(jdbc.queryForList("SELECT reasons FROM ingest_reject", String.class))
                .as("identity numbers are never repeated in a reason")
                .allSatisfy(r -> assertThat(r).doesNotContain(QIAN_BAD_ID, QIAN_BAD_ID.substring(0, 17), SUN_ID,
                        ZHOU_ID, WU_ID));

        if (set.csv()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_sheet WHERE template IS NULL", Integer.class))
                    .isZero();
        } else {
            Map<String, Object> notes = sheet(OCT + "/" + STREET + "/s2-s3-ledger-roster." + set.suffix, "填表说明");
            assertThat(notes.get("template")).as("填表说明 matches no template").isNull();
            assertThat((String) notes.get("note")).contains("没有任何模板的表头");
            assertThat(notes).containsEntry("rows_read", 0);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_sheet WHERE template IS NULL", Integer.class))
                    .isOne();
            assertThat(result.summary()).contains("已入库：8 个文件，读取 76 行 = 入库 39 + 退回 19 + 跳过 18");
        }

        communityProfiles(set);
        workerRoster();
        if (!set.csv()) {
            organizationLedger();
            serviceCentre();
            registry();
            incubators();
            certificates();
            lateSheets();
        }
    }

    /** S1: numbers with a #,##0 format, typed as text with thousands separators, codes typed as numbers. */
    private void communityProfiles(FileSet set) {
        assertThat(stg("SELECT * FROM stg_s1_community WHERE period = ? AND community_code = ?", OCT, "130102001001"))
                .containsEntry("community_name", "锦绣社区").containsEntry("urban_rural", "urban")
                .containsEntry("unit_code", STREET).containsEntry("district_code", DISTRICT)
                .satisfies(row -> {
                    // 1234 in a #,##0 cell (the CSV export says "1,234"); "3,456" and "120" typed as text
                    assertThat(number(row, "households")).isEqualTo(1234);
                    assertThat(number(row, "population")).isEqualTo(3456);
                    assertThat(decimal(row, "facility_area")).isEqualByComparingTo("356.75");
                    assertThat(number(row, "grids")).isEqualTo(8);
                    assertThat(number(row, "volunteers")).isEqualTo(120);
                    assertThat(row.get("row_no")).isEqualTo(4);
                });
        // the code typed as a number in a General cell; 城市; "2,105" as text; the period as 2026年10月
        assertThat(stg("SELECT * FROM stg_s1_community WHERE period = ? AND community_code = ?", OCT, "130102001002"))
                .containsEntry("urban_rural", "urban")
                .satisfies(row -> assertThat(number(row, "households")).isEqualTo(2105));
        // 居委会; a facility area of 0 (no facility); the period as 202610
        assertThat(stg("SELECT * FROM stg_s1_community WHERE period = ? AND community_code = ?", OCT, "130102001003"))
                .containsEntry("urban_rural", "urban")
                .satisfies(row -> assertThat(decimal(row, "facility_area")).isEqualByComparingTo("0"));
        // "1,050.5" typed as text; the period as 2026.10
        assertThat(stg("SELECT * FROM stg_s1_community WHERE period = ? AND community_code = ?", OCT, "130102001004"))
                .satisfies(row -> assertThat(decimal(row, "facility_area")).isEqualByComparingTo("1050.5"));
    }

    /** S3: every date form in 出生年月 and 参加工作时间, the id number protected. */
    private void workerRoster() {
        Map<String, Object> zhang = stg("SELECT * FROM stg_s3_worker WHERE period = ? AND name = '张伟'", OCT);
        assertThat(zhang).containsEntry("gender", "男").containsEntry("education", "本科")
                .containsEntry("political_status", "中共党员").containsEntry("post", "主任")
                .containsEntry("is_committee", true).containsEntry("is_sw_post", true)
                .containsEntry("cert_level", "社会工作师").containsEntry("community_code", "130102001001")
                .containsEntry("hired_on", Date.valueOf("2019-03-05")) // 2019年3月5日
                .containsEntry("id_masked", "130102********0119").containsEntry("phone", "13803110002");
        assertThat((String) zhang.get("id_cipher")).doesNotContain("130102198503050119");
        // "李  娜" padded to line up with three-character names; 2019/3/5; a landline
        assertThat(stg("SELECT * FROM stg_s3_worker WHERE period = ? AND name = '李娜'", OCT))
                .containsEntry("gender", "女").containsEntry("hired_on", Date.valueOf("2019-03-05"))
                .containsEntry("cert_level", "助理社会工作师").containsEntry("phone", "0311-8601234");
        // a real date cell (yyyy-mm-dd) for the birth date; 43529 in a General cell for the hiring date;
        // an id number ending in X
        assertThat(stg("SELECT * FROM stg_s3_worker WHERE period = ? AND name = '王强'", OCT))
                .containsEntry("birth_date", Date.valueOf("1978-01-01")).containsEntry("hired_on", Date.valueOf("2019-03-05"))
                .containsEntry("id_masked", "130102********033X").containsEntry("cert_level", "无")
                .containsEntry("political_status", "中共预备党员");
        // 19950720 typed as a number; 2019.03.05
        assertThat(stg("SELECT * FROM stg_s3_worker WHERE period = ? AND name = '赵敏'", OCT))
                .containsEntry("birth_date", Date.valueOf("1995-07-20")).containsEntry("hired_on", Date.valueOf("2019-03-05"))
                .containsEntry("education", "硕士研究生").containsEntry("is_sw_post", true);
    }

    /** S2: 备案/登记, 3A/AAA/无/4A级, dates as text, a date cell, a number; phones as text and as a number. */
    private void organizationLedger() {
        assertThat(stg("SELECT * FROM stg_s2_org_ledger WHERE period = ? AND org_name = '锦绣社区老年协会'", OCT))
                .containsEntry("reg_status", "已备案").containsEntry("filing_no", "JB-BA-2021-003")
                .containsEntry("org_type", "社区社会组织").containsEntry("service_domain", "养老服务")
                .containsEntry("person_in_charge", "王秀兰").containsEntry("community_code", "130102001001")
                .containsEntry("founded_on", Date.valueOf("2019-03-05")).containsEntry("is_sw_agency", false)
                .satisfies(row -> assertThat(number(row, "rating")).isEqualTo(3));
        assertThat(stg("SELECT * FROM stg_s2_org_ledger WHERE period = ? AND org_name = '石家庄市长安区金桥社会工作服务中心'", OCT))
                .containsEntry("credit_code", "52130102MJ0A1B2C3F").containsEntry("reg_status", "已登记")
                .containsEntry("org_type", "民办非企业单位").containsEntry("phone", "0311-86012345")
                .containsEntry("founded_on", Date.valueOf("2019-03-05")) // a yyyy/m/d date cell
                .containsEntry("is_sw_agency", true)
                .satisfies(row -> assertThat(number(row, "rating")).as("AAA").isEqualTo(3));
        assertThat(stg("SELECT * FROM stg_s2_org_ledger WHERE period = ? AND org_name = '向阳社区文体队'", OCT))
                .containsEntry("rating", null).containsEntry("phone", "13912345678") // 无; a phone typed as a number
                .containsEntry("founded_on", Date.valueOf("2019-03-05")); // 2019.03.05
        assertThat(stg("SELECT * FROM stg_s2_org_ledger WHERE period = ? AND org_name = '怡景社区邻里互助会'", OCT))
                .containsEntry("founded_on", Date.valueOf("2019-03-05")) // 20190305 typed as a number
                .satisfies(row -> assertThat(number(row, "rating")).as("4A级").isEqualTo(4));
    }

    /** S4: the street as 9 digits; "1,234" as text; 2019.3 (a month). */
    private void serviceCentre() {
        assertThat(stg("SELECT * FROM stg_s4_street_centre WHERE period = ?", OCT))
                .containsEntry("street_code", STREET).containsEntry("street_name", "建北街道")
                .containsEntry("centre_built", true).containsEntry("opened_on", Date.valueOf("2019-03-01"))
                .containsEntry("row_no", 4)
                .satisfies(row -> assertThat(decimal(row, "centre_area")).isEqualByComparingTo("1234"));
    }

    /** D1: 社会服务机构 and 已注销 as synonyms; a yyyy年m月d日 date cell, a serial number, 20190305 as text. */
    private void registry() {
        assertThat(stg("SELECT * FROM stg_d1_org_registry WHERE period = ? AND credit_code = '51130102MJ12345678'", OCT))
                .containsEntry("org_type", "社会团体").containsEntry("reg_status", "正常")
                .containsEntry("registered_on", Date.valueOf("2019-03-05")).containsEntry("legal_rep", "陈刚")
                .containsEntry("address", "长安区建设北大街1号").containsEntry("community_code", null)
                .containsEntry("unit_code", DISTRICT)
                .satisfies(row -> assertThat(number(row, "rating")).isEqualTo(5));
        assertThat(stg("SELECT * FROM stg_d1_org_registry WHERE period = ? AND credit_code = '52130102MJ0A1B2C3F'", OCT))
                .containsEntry("org_type", "民办非企业单位").containsEntry("registered_on", Date.valueOf("2019-03-05"))
                .containsEntry("community_code", "130102001002").containsEntry("is_sw_agency", true);
        assertThat(stg("SELECT * FROM stg_d1_org_registry WHERE period = ? AND credit_code = '53130102MJ7654321Y'", OCT))
                .containsEntry("org_type", "基金会").containsEntry("reg_status", "注销")
                .containsEntry("registered_on", Date.valueOf("2019-03-05"))
                .satisfies(row -> assertThat(number(row, "rating")).as("3A级").isEqualTo(3));
    }

    /** D2: "1,500" as text, 2019年3月 as the month's first day, 乡镇级, a street as 12 digits, counts as text. */
    private void incubators() {
        assertThat(stg("SELECT * FROM stg_d2_incubator WHERE period = ? AND name = '长安区社会组织孵化基地'", OCT))
                .containsEntry("level", "区级").containsEntry("street_code", null)
                .containsEntry("opened_on", Date.valueOf("2019-03-01"))
                .containsEntry("operator_credit_code", "52130102MJ0A1B2C3F")
                .satisfies(row -> {
                    assertThat(decimal(row, "area")).isEqualByComparingTo("1500");
                    assertThat(number(row, "in_incubation")).isEqualTo(12);
                    assertThat(number(row, "cumulative")).isEqualTo(30);
                    assertThat(number(row, "graduated")).isEqualTo(18);
                });
        assertThat(stg("SELECT * FROM stg_d2_incubator WHERE period = ? AND name = '建北街道社会组织孵化园'", OCT))
                .containsEntry("level", "街道级").containsEntry("street_code", STREET)
                .containsEntry("opened_on", Date.valueOf("2019-03-05"))
                .satisfies(row -> assertThat(decimal(row, "area")).isEqualByComparingTo("320.5"));
        assertThat(stg("SELECT * FROM stg_d2_incubator WHERE period = ? AND name = '青园街道社区社会组织孵化站'", OCT))
                .containsEntry("level", "街道级").containsEntry("street_code", "130102002")
                .containsEntry("opened_on", Date.valueOf("2019-03-05"))
                .satisfies(row -> assertThat(number(row, "cumulative")).isEqualTo(3));
    }

    /** D3: 初级 as 助理社会工作师; a year as a number, as 2020年 and as a date cell; a 15-digit id upgraded. */
    private void certificates() {
        assertThat(stg("SELECT * FROM stg_d3_certificate WHERE period = ? AND name = '张伟'", OCT))
                .containsEntry("cert_level", "社会工作师").containsEntry("cert_no", "2019S1301020001")
                .containsEntry("street_code", STREET).containsEntry("id_masked", "130102********0119")
                .satisfies(row -> assertThat(number(row, "obtained_year")).isEqualTo(2019));
        assertThat(stg("SELECT * FROM stg_d3_certificate WHERE period = ? AND name = '李娜'", OCT))
                .containsEntry("cert_level", "助理社会工作师")
                .satisfies(row -> assertThat(number(row, "obtained_year")).isEqualTo(2020));
        assertThat(stg("SELECT * FROM stg_d3_certificate WHERE period = ? AND name = '刘洋'", OCT))
                .containsEntry("id_masked", "130102********1235").containsEntry("street_code", "130102002")
                .satisfies(row -> assertThat(number(row, "obtained_year")).isEqualTo(2019));
    }

    /** The late sheets: periods from the title, from each row's 月份, from the drop folder; their aliases. */
    private void lateSheets() {
        assertThat(jdbc.queryForList("SELECT DISTINCT period FROM stg_s1_community ORDER BY 1", String.class))
                .containsExactly("2026-07", "2026-08", SEP, OCT);
        assertThat(jdbc.queryForList("SELECT community_code FROM stg_s1_community WHERE period = '2026-08' ORDER BY row_no",
                String.class)).containsExactly("130102001005", "130102001007");
        assertThat(stg("SELECT * FROM stg_s4_street_centre WHERE period = ?", SEP))
                .containsEntry("street_code", STREET) // typed as 130102001000
                .containsEntry("centre_built", true) // 已建成
                .containsEntry("opened_on", Date.valueOf("2019-03-05"));
        assertThat(stg("SELECT * FROM stg_s3_worker WHERE period = ? AND name = '张伟'", SEP))
                .containsEntry("birth_date", Date.valueOf("1985-03-05")).containsEntry("education", "本科")
                .containsEntry("political_status", "中共党员").containsEntry("cert_level", "社会工作师");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_d3_certificate WHERE period = ?", Integer.class, SEP))
                .isEqualTo(2);
    }

    @Test
    void theSameWorkbookDroppedAgainUnderAnotherNameIsLoadedOnce() throws Exception {
        copy(OCT, STREET, "s4-centre.xlsx", "综合服务中心.xlsx");
        copy(OCT, STREET, "s4-centre.xlsx", "综合服务中心（副本）.xlsx");

        IngestRun.Result first = ingest.inbox(inbox, null);

        assertThat(first.outcome().succeeded()).as(first.outcome().describe()).isTrue();
        assertThat(first.summary().get(0)).contains("新文件 1").contains("重复文件（内容与已收文件相同） 1");
        copy(OCT, STREET, "s4-centre.xlsx", "综合服务中心（再次报送）.xlsx");

        IngestRun.Result again = ingest.inbox(inbox, null);

        assertThat(again.outcome().succeeded()).as(again.outcome().describe()).isTrue();
        assertThat(again.summary().get(0)).contains("重复文件（内容与已收文件相同） 1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_drop", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_sheet", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s4_street_centre", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject", Integer.class)).isOne();
        assertThat(jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_rejected, rows_skipped FROM ingest_sheet"))
                .containsEntry("rows_read", 4).containsEntry("rows_loaded", 1).containsEntry("rows_rejected", 1)
                .containsEntry("rows_skipped", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aCorrectedRosterSupersedesTheRosterSheetOfTheEarlierWorkbookOnly(String ext) throws Exception {
        copy(OCT, STREET, "s2-s3-ledger-roster." + ext, "s2-s3-ledger-roster." + ext);
        ingest.inbox(inbox, null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Integer.class))
                .isEqualTo(7);
        Path corrected = copy(OCT, STREET, "s3-roster-corrected." + ext, "s3-roster-corrected." + ext);
        Files.setLastModifiedTime(corrected, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        String earlier = OCT + "/" + STREET + "/s2-s3-ledger-roster." + ext;
        Map<String, Object> correction = sheet(OCT + "/" + STREET + "/s3-roster-corrected." + ext, "花名册（更正）");
        assertThat(correction).containsEntry("template", "S3").containsEntry("header_row", 3)
                .containsEntry("period", OCT).containsEntry("rows_read", 10).containsEntry("rows_loaded", 7)
                .containsEntry("rows_rejected", 1).containsEntry("rows_skipped", 2);
        assertThat(correction.get("superseded_by")).isNull();
        Map<String, Object> roster = sheet(earlier, "社区工作者花名册");
        assertThat(roster.get("superseded_by")).isEqualTo(correction.get("id"));
        assertThat(sheet(earlier, "社会组织台账").get("superseded_by")).as("the ledger was not resent").isNull();
        assertThat(sheet(earlier, "填表说明").get("superseded_by")).isNull();

        assertThat(jdbc.queryForList("SELECT status FROM ingest_reject WHERE sheet_id = ?", String.class, roster.get("id")))
                .hasSize(4).containsOnly("superseded");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE sheet_id = ? AND resolved_at IS NULL",
                Integer.class, roster.get("id"))).isZero();
        assertThat(jdbc.queryForList("SELECT CONCAT(row_no, ' ', status, ' ', reasons) FROM ingest_reject WHERE sheet_id = ?",
                String.class, correction.get("id")))
                .containsExactly("10 open 年龄应在16至80岁之间，按身份证号为86岁");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ingest_reject r JOIN ingest_sheet s ON s.id = r.sheet_id
                WHERE s.template = 'S2' AND r.status = 'open'""", Integer.class)).as("the ledger's rejects stay open")
                .isEqualTo(3);
        assertThat(jdbc.queryForList("""
                SELECT w.name FROM stg_s3_worker w JOIN ingest_sheet s ON s.id = w.sheet_id
                WHERE s.superseded_by IS NULL ORDER BY w.row_no""", String.class))
                .containsExactly("张伟", "李娜", "王强", "赵敏", "钱进", "孙丽", "吴新");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class))
                .as("the earlier roster's rows are kept as history").isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT hired_on FROM stg_s3_worker WHERE sheet_id = ? AND name = '吴新'",
                Date.class, correction.get("id"))).isEqualTo(Date.valueOf("2019-03-20"));
    }

    private Path copy(String period, String unit, String fixture, String name) throws Exception {
        Path to = inbox.resolve(period).resolve(unit).resolve(name);
        Files.createDirectories(to.getParent());
        return Files.copy(CLERKS.resolve(fixture), to);
    }

    private Map<String, Object> sheet(String path, String sheetName) {
        return jdbc.queryForMap("""
                SELECT s.* FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id
                WHERE f.path = ? AND s.sheet_name = ?""", path, sheetName);
    }

    private List<Object> stagedRows(String template, long sheetId) {
        String table = switch (template) {
            case "S1" -> "stg_s1_community";
            case "S2" -> "stg_s2_org_ledger";
            case "S3" -> "stg_s3_worker";
            case "S4" -> "stg_s4_street_centre";
            case "D1" -> "stg_d1_org_registry";
            case "D2" -> "stg_d2_incubator";
            default -> "stg_d3_certificate";
        };
        return jdbc.queryForList("SELECT row_no FROM " + table + " WHERE sheet_id = ? ORDER BY row_no", Object.class,
                sheetId);
    }

    private Map<String, Object> stg(String sql, Object... args) {
        return jdbc.queryForMap(sql, args);
    }

    private static List<Object> range(int from, int count) {
        return IntStream.range(from, from + count).boxed().map(Object.class::cast).toList();
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        return (BigDecimal) row.get(column);
    }
}
