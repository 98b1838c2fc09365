package cn.sanshe.pipeline.ingest.validate;

import static cn.sanshe.pipeline.ingest.validate.Sheets.CREDIT;
import static cn.sanshe.pipeline.ingest.validate.Sheets.ID_FEMALE;
import static cn.sanshe.pipeline.ingest.validate.Sheets.ID_MALE;
import static cn.sanshe.pipeline.ingest.validate.Sheets.PERIOD;
import static cn.sanshe.pipeline.ingest.validate.Sheets.TODAY;
import static cn.sanshe.pipeline.ingest.validate.Sheets.contextFor;
import static cn.sanshe.pipeline.ingest.validate.Sheets.good;
import static cn.sanshe.pipeline.ingest.validate.Sheets.header;
import static cn.sanshe.pipeline.ingest.validate.Sheets.row;
import static cn.sanshe.pipeline.ingest.validate.Sheets.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.RootLocale;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RootLocale.class)
class RowValidatorTests {

    private final RowValidator validator = new RowValidator();

    // ---- loaded rows and their typed values

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(TemplateId.class)
    void aGoodRowOfEveryTemplateLoads(TemplateId id) {
        RowOutcome outcome = check(id, good(id));
        assertThat(outcome).isInstanceOf(RowOutcome.Loaded.class);
        assertThat(((RowOutcome.Loaded) outcome).period()).isEqualTo(PERIOD);
    }

    @Test
    void communityProfileValuesAreTyped() {
        assertThat(loaded(TemplateId.S1, good(TemplateId.S1))).containsExactly(
                Map.entry("community_code", "130102001001"), Map.entry("community_name", "阳光社区"),
                Map.entry("urban_rural", "urban"), Map.entry("households", 1234L), Map.entry("population", 3456L),
                Map.entry("facility_area", new BigDecimal("650.5")), Map.entry("grids", 6L),
                Map.entry("volunteers", 120L), Map.entry("period", "2026-10"));
    }

    @Test
    void ledgerValuesAreTyped() {
        Map<String, Object> values = loaded(TemplateId.S2, good(TemplateId.S2));
        assertThat(values).containsEntry("credit_code", CREDIT).containsEntry("reg_status", "已登记")
                .containsEntry("filing_no", null).containsEntry("founded_on", LocalDate.of(2019, 3, 5))
                .containsEntry("rating", 3).containsEntry("is_sw_agency", false).containsEntry("phone", "13800138000");
    }

    @Test
    void rosterValuesAreTyped() {
        Map<String, Object> values = loaded(TemplateId.S3, good(TemplateId.S3));
        assertThat(values).containsEntry("name", "张三").containsEntry("id_number", ID_MALE).containsEntry("gender", "男")
                .containsEntry("birth_date", LocalDate.of(1990, 1, 1)).containsEntry("is_committee", true)
                .containsEntry("hired_on", LocalDate.of(2019, 3, 5)).containsEntry("phone", "0311-86012345");
    }

    @Test
    void registryAndIncubatorAndCertificateValuesAreTyped() {
        assertThat(loaded(TemplateId.D1, good(TemplateId.D1))).containsEntry("org_type", "民办非企业单位")
                .containsEntry("registered_on", LocalDate.of(2019, 3, 5)).containsEntry("rating", 3)
                .containsEntry("is_sw_agency", true);
        assertThat(loaded(TemplateId.D2, good(TemplateId.D2))).containsEntry("level", "区级")
                .containsEntry("district_code", "130102").containsEntry("street_code", null)
                .containsEntry("area", new BigDecimal("1200")).containsEntry("opened_on", LocalDate.of(2019, 3, 1))
                .containsEntry("graduated", 28L);
        assertThat(loaded(TemplateId.D3, good(TemplateId.D3))).containsEntry("obtained_year", 2019)
                .containsEntry("street_code", "130102001").containsEntry("cert_level", "助理社会工作师");
    }

    @Test
    void aStreetWrittenWithTwelveDigitsIsStoredWithNine() {
        assertThat(loaded(TemplateId.S4, good(TemplateId.S4))).containsEntry("street_code", "130102001")
                .containsEntry("centre_built", true).containsEntry("centre_area", new BigDecimal("800"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} “{2}” → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            S1 | urban_rural      | 城市      | urban
            S1 | urban_rural      | 居委会    | urban
            S1 | urban_rural      | 农村社区  | rural
            S1 | urban_rural      | 农村      | rural
            S1 | urban_rural      | 村委会    | rural
            S2 | reg_status       | 登记      | 已登记
            S2 | reg_status       | 备案      | 已备案
            S2 | org_type         | 社会服务机构 | 民办非企业单位
            S3 | education        | 研究生    | 硕士研究生
            S3 | education        | 硕士      | 硕士研究生
            S3 | education        | 博士      | 博士研究生
            S3 | education        | 大学本科  | 本科
            S3 | education        | 大学专科  | 大专
            S3 | education        | 专科      | 大专
            S3 | political_status | 民主党派  | 民主党派
            S3 | political_status | 民革党员  | 民革会员
            S3 | political_status | 民盟盟员  | 民盟盟员
            S3 | political_status | 九三学社社员 | 九三学社社员
            S3 | political_status | 无党派人士 | 无党派人士
            S3 | cert_level       | 无        | 无
            D2 | level            | 乡镇级    | 街道级
            D2 | level            | 县级      | 区级
            """)
    void synonymsLoadAsTheirCanonicalValue(TemplateId id, String column, String typed, String canonical) {
        Map<String, String> cells = with(id, column, typed);
        if (id == TemplateId.D2 && "街道级".equals(canonical)) {
            cells.put("street_code", "130102001");
        }
        assertThat(loaded(id, cells)).containsEntry(column, canonical);
    }

    @ParameterizedTest(name = "[{index}] rating “{0}”")
    @CsvSource({"1A, 1", "5A, 5", "AAA, 3", "3A级, 3", "３Ａ, 3", "'', ", "无, "})
    void ratingsLoadAsTheNumberOfAs(String typed, Integer expected) {
        assertThat(loaded(TemplateId.S2, with(TemplateId.S2, "rating", typed == null ? "" : typed)))
                .containsEntry("rating", expected);
    }

    // ---- skipped rows

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | ''          | 空行
            '   '                                | ''          | 空行
            合计                                 | 共12个      | 合计行
            总计                                 | ''          | 合计行
            ''                                   | 小计        | 合计行
            '合  计'                             | 1,234       | 合计行
            填表人：张三  审核人：李四            | ''          | 签名行
            填表人:张三                          | ''          | 签名行
            审核人：李四                          | ''          | 签名行
            负责人：王芳                          | ''          | 签名行
            备注：本表数据截至当月月底。          | ''          | 签名行
            填报人：赵六                          | ''          | 签名行
            制表人：钱七                          | ''          | 签名行
            ''                                   | 负责人：王芳 | 签名行
            """)
    void totalsSignatureLinesAndBlankRowsAreSkipped(String first, String second, String reason) {
        RowOutcome outcome = validator.check(header(TemplateId.S2), row(first, second, "", ""), contextFor(TemplateId.S2));
        assertThat(outcome).isEqualTo(new RowOutcome.Skipped(reason));
    }

    @Test
    void aPersonInChargeColumnHoldingANameIsData() {
        // 负责人 first, as some ledgers have it: a name there is no signature line.
        HeaderMatch match = TemplateCatalog.standard()
                .recognise(new SheetRow(1, List.of("负责人", "组织名称", "登记状态", "所属社区代码"))).orElseThrow();
        assertThat(validator.check(match, row("王芳", "阳光社区老年协会", "已备案", "130102001001"), contextFor(TemplateId.S2)))
                .isInstanceOf(RowOutcome.Loaded.class);
        assertThat(validator.check(match, row("负责人", "阳光社区老年协会", "已备案", "130102001001"), contextFor(TemplateId.S2)))
                .isInstanceOf(RowOutcome.Loaded.class);
        // A name with no organization is a row to fix, not a signature to skip.
        assertThat(validator.check(match, row("王芳", "", "已备案", "130102001001"), contextFor(TemplateId.S2)))
                .isEqualTo(new RowOutcome.Rejected(List.of("缺少必填项：组织名称")));
    }

    // ---- rejected rows: every rule with its reason

    @ParameterizedTest(name = "[{index}] {0} {1} “{2}”")
    @CsvSource(delimiter = '|', textBlock = """
            S1 | households       | ''            | 缺少必填项：户数
            S1 | households       | -5            | 户数应为不小于0的整数，实为“-5”
            S1 | households       | 12.5          | 户数应为不小于0的整数，实为“12.5”
            S1 | population       | 约3000        | 常住人口应为不小于0的整数，实为“约3000”
            S1 | facility_area    | -1            | 综合服务设施面积应为不小于0的数，实为“-1”
            S1 | urban_rural      | 城区          | 城乡类型“城区”不是可选值（城市社区、农村社区）
            S1 | period           | 2026-13       | 统计月份“2026-13”不是有效月份
            S1 | community_code   | 130102001099  | 社区代码 130102001099 不在区划表中
            S1 | community_code   | 130104001001  | 社区代码 130104001001 不属于报送单位 130102001
            S1 | community_code   | 13010200100   | 社区代码应为12位数字，实为“13010200100”
            S1 | community_code   | 130102001000  | 社区代码 130102001000 不是社区（村）一级的代码
            S2 | org_name         | ''            | 缺少必填项：组织名称
            S2 | reg_status       | 注册          | 登记状态“注册”不是可选值（已登记、已备案）
            S2 | org_type         | 公司          | 组织类型“公司”不是可选值（社会团体、民办非企业单位、基金会、社区社会组织）
            S2 | phone            | 1380013800    | 联系电话“1380013800”不是有效的电话号码
            S2 | founded_on       | 2019-02-30    | 成立日期“2019-02-30”不是有效日期
            S2 | founded_on       | 去年          | 成立日期“去年”不是有效日期
            S2 | rating           | 6A            | 评估等级“6A”不是有效等级（应为1A至5A）
            S2 | is_sw_agency     | 可能          | 是否社工机构“可能”应为是或否
            S2 | credit_code      | ''            | 已登记的组织缺少统一社会信用代码
            S2 | credit_code      | 51130102MJ123456 | 统一社会信用代码应为18位，实为16位
            S2 | community_code   | 130102002001  | 所属社区代码 130102002001 不属于报送单位 130102001
            S3 | name             | 王            | 姓名应为2至20个字，实为“王”
            S3 | gender           | 男            | 性别与身份证号不符：身份证号为女
            S3 | gender           | M             | 性别“M”不是可选值（男、女）
            S3 | birth_date       | 1985-06-16    | 出生日期与身份证号不符
            S3 | birth_date       | 1985.7        | 出生日期与身份证号不符
            S3 | education        | 大学          | 学历“大学”不是可选值（初中及以下、高中、中专、大专、本科、硕士研究生、博士研究生）
            S3 | post             | 社区书记      | 职务“社区书记”不是可选值（书记、主任、副书记、副主任、委员、专职工作者、社工、网格员）
            S3 | political_status | 自由职业      | 政治面貌“自由职业”不是可选值（中共党员、中共预备党员、共青团员、民主党派、民革会员、民盟盟员、民建会员、民进会员、农工党党员、致公党党员、九三学社社员、台盟盟员、无党派人士、群众）
            S3 | cert_level       | 心理咨询师    | 社工证等级“心理咨询师”不是可选值（无、助理社会工作师、社会工作师、高级社会工作师）
            S3 | hired_on         | 2019/2/29     | 入职日期“2019/2/29”不是有效日期
            S4 | street_code      | 130102002     | 街道代码 130102002 与报送单位 130102001 不一致
            S4 | street_code      | 1301020010    | 街道代码应为9位数字（或以000结尾的12位数字），实为“1301020010”
            S4 | centre_built     | 在建          | 是否建成“在建”应为是或否
            S4 | street_name      | ''            | 缺少必填项：街道名称
            D1 | reg_status       | 存续          | 登记状态“存续”不是可选值（正常、注销、撤销）
            D1 | org_type         | 社区社会组织  | 组织类型“社区社会组织”不是可选值（社会团体、民办非企业单位、基金会）
            D1 | credit_code      | ''            | 缺少必填项：统一社会信用代码
            D1 | community_code   | 130104001001  | 所属社区代码 130104001001 不属于报送单位 130102
            D2 | area             | 0             | 面积应为大于0的数，实为“0”
            D2 | area             | -20           | 面积应为大于0的数，实为“-20”
            D2 | level            | 社区级        | 级别“社区级”不是可选值（市级、区级、街道级）
            D2 | level            | 街道级        | 街道级基地缺少所在街道代码
            D2 | graduated        | 41            | 出壳组织数不能大于累计孵化数
            D2 | district_code    | 1301          | 所在区代码应为6位数字，实为“1301”
            S2 | community_code   | 130102001099  | 所属社区代码 130102001099 不在区划表中
            D3 | obtained_year    | 去年          | 取得年份“去年”不是有效年份
            D3 | cert_level       | 无            | 证书等级“无”不是可选值（助理社会工作师、社会工作师、高级社会工作师）
            D3 | cert_no          | ''            | 缺少必填项：证书编号
            D3 | street_code      | 130102009     | 所在街道代码 130102009 不在区划表中
            D3 | name             | 一二三四五六七八九十一二三四五六七八九十一 | 姓名应为2至20个字，实为“一二三四五六七八九十一二三四五六七八九十一”
            """)
    void eachRuleRejectsWithItsReason(TemplateId id, String column, String typed, String reason) {
        Map<String, String> cells = with(id, column, typed == null ? "" : typed);
        if (id == TemplateId.S3 && !"name".equals(column)) {
            cells.put("id_number", ID_FEMALE); // born 1985-06-15, female
            cells.put("gender", "gender".equals(column) ? cells.get("gender") : "女");
            cells.put("birth_date", "birth_date".equals(column) ? cells.get("birth_date") : "1985-06-15");
        }
        assertThat(check(id, cells)).isEqualTo(new RowOutcome.Rejected(List.of(reason)));
    }

    @Test
    void aCodeCanFailMoreThanOneWay() {
        assertThat(check(TemplateId.D2, with(TemplateId.D2, "district_code", "130105"))).isEqualTo(new RowOutcome.Rejected(
                List.of("所在区代码 130105 不在区划表中", "所在区代码 130105 不属于报送单位 130102")));
    }

    @Test
    void anIncubatorsStreetLiesInItsDistrict() {
        assertThat(check(TemplateId.D2, with(TemplateId.D2, "level", "街道级", "street_code", "130104001")))
                .isEqualTo(new RowOutcome.Rejected(List.of("所在街道代码 130104001 不属于报送单位 130102")));
        // Where the sending unit does not already say it, the district column does.
        ValidationContext unknownUnit = new ValidationContext(PERIOD, TODAY, Sheets.DIVISIONS::contains, null);
        HeaderMatch d2 = header(TemplateId.D2);
        assertThat(validator.check(d2, row(d2, with(TemplateId.D2, "level", "街道级", "street_code", "130104001")), unknownUnit))
                .isEqualTo(new RowOutcome.Rejected(List.of("所在街道代码 130104001 不属于所在区代码 130102")));
    }

    @Test
    void aValueFailingItsRuleRejectsTheRowEvenInAnOptionalColumn() {
        assertThat(check(TemplateId.S1, with(TemplateId.S1, "grids", "六"))).isEqualTo(
                new RowOutcome.Rejected(List.of("网格数应为不小于0的整数，实为“六”")));
    }

    @Test
    void blankOptionalCellsAreFine() {
        Map<String, String> cells = with(TemplateId.S1, "urban_rural", "", "facility_area", "", "grids", "", "volunteers", "");
        assertThat(loaded(TemplateId.S1, cells)).containsEntry("facility_area", null).containsEntry("grids", null);
    }

    @Test
    void aRowWithThreeProblemsGetsThreeReasons() {
        Map<String, String> cells = with(TemplateId.S1, "community_code", "130102001099", "households", "-5", "population", "");
        assertThat(check(TemplateId.S1, cells)).isEqualTo(new RowOutcome.Rejected(List.of(
                "社区代码 130102001099 不在区划表中", "户数应为不小于0的整数，实为“-5”", "缺少必填项：常住人口")));
    }

    @Test
    void aFiledOrganizationNeedsNoCreditCode() {
        assertThat(check(TemplateId.S2, with(TemplateId.S2, "reg_status", "已备案", "credit_code", "")))
                .isInstanceOf(RowOutcome.Loaded.class);
    }

    @Test
    void aCreditCodeFailsWithTheCheckCharacterItShouldHave() {
        String wrong = CREDIT.substring(0, 17) + (CREDIT.endsWith("0") ? "1" : "0");
        assertThat(check(TemplateId.S2, with(TemplateId.S2, "credit_code", wrong))).isEqualTo(new RowOutcome.Rejected(
                List.of("统一社会信用代码校验位不符，请核对登记证书")));
    }

    // ---- identity numbers

    @Test
    void legacyFifteenDigitNumbersAreUpgraded() {
        String legacy = ID_MALE.substring(0, 6) + ID_MALE.substring(8, 17);
        assertThat(loaded(TemplateId.S3, with(TemplateId.S3, "id_number", legacy))).containsEntry("id_number", ID_MALE);
    }

    @Test
    void aLowerCaseXIsAccepted() {
        String first17 = "11010519491231002";
        assertThat(loaded(TemplateId.D3, with(TemplateId.D3, "id_number", first17 + "x", "obtained_year", "2010")))
                .containsEntry("id_number", first17 + "X");
    }

    @Test
    void fullWidthAndSpacedNumbersAreNormalised() {
        String spaced = " " + ID_MALE.substring(0, 6) + " " + ID_MALE.substring(6) + " ";
        assertThat(loaded(TemplateId.S3, with(TemplateId.S3, "id_number", spaced))).containsEntry("id_number", ID_MALE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"wrong check", "short", "letters", "legacy with letters", "impossible birth", "future birth"})
    void identityReasonsNeverRepeatTheNumber(String problem) {
        String first17 = switch (problem) {
            case "impossible birth" -> "13010219900230001";
            case "future birth" -> "13010220270101001";
            default -> "13010219900101001";
        };
        String typed = switch (problem) {
            case "wrong check" -> first17 + (IdentityNumber.checkCharacter(first17) == '0' ? "1" : "0");
            case "short" -> first17.substring(0, 16);
            case "letters" -> "1301021990010A001" + "1";
            case "legacy with letters" -> "13010290010100A";
            default -> Sheets.id(first17);
        };
        RowOutcome outcome = check(TemplateId.S3, with(TemplateId.S3, "id_number", typed, "gender", "", "birth_date", ""));
        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        List<String> reasons = ((RowOutcome.Rejected) outcome).reasons();
        assertThat(reasons).hasSize(1).first().asString().startsWith("身份证号");
        assertThat(reasons).noneMatch(r -> r.contains(typed) || r.contains(typed.substring(0, 10))
                || r.contains(typed.substring(typed.length() - 6)) || r.matches(".*\\d{10,}.*"));
    }

    @Test
    void theWrongCheckCharacterReasonNamesTheRightOne() {
        String wrong = ID_MALE.substring(0, 17) + (ID_MALE.endsWith("0") ? "1" : "0");
        assertThat(check(TemplateId.S3, with(TemplateId.S3, "id_number", wrong, "gender", "", "birth_date", "")))
                .isEqualTo(new RowOutcome.Rejected(List.of("身份证号校验位不符，请核对证件原件")));
    }

    @ParameterizedTest(name = "[{index}] born {0}: {1}")
    @CsvSource({"20101101, 15", "20101031, ''", "19451101, ''", "19451031, 81", "19300101, 96"})
    void ageOnThePeriodsLastDayIsBetween16And80(String birth, String rejectedAge) {
        String id = Sheets.id("130102" + birth + "001");
        RowOutcome outcome = check(TemplateId.S3, with(TemplateId.S3, "id_number", id, "gender", "", "birth_date", ""));
        if (rejectedAge.isEmpty()) {
            assertThat(outcome).isInstanceOf(RowOutcome.Loaded.class);
        } else {
            assertThat(outcome).isEqualTo(new RowOutcome.Rejected(List.of("年龄应在16至80岁之间，按身份证号为" + rejectedAge + "岁")));
        }
    }

    @Test
    void aBirthMonthAgreesWithTheNumbersMonth() {
        assertThat(check(TemplateId.S3, with(TemplateId.S3, "birth_date", "1990.1"))).isInstanceOf(RowOutcome.Loaded.class);
        assertThat(check(TemplateId.S3, with(TemplateId.S3, "birth_date", "1990年1月"))).isInstanceOf(RowOutcome.Loaded.class);
        assertThat(check(TemplateId.S3, with(TemplateId.S3, "birth_date", "32874"))).isInstanceOf(RowOutcome.Loaded.class);
    }

    // ---- the period

    @Test
    void theRowsOwnPeriodWinsOverTheFallback() {
        RowOutcome outcome = check(TemplateId.S1, with(TemplateId.S1, "period", "2026年9月"));
        assertThat(((RowOutcome.Loaded) outcome).period()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(((RowOutcome.Loaded) outcome).values()).containsEntry("period", "2026-09");
    }

    @Test
    void withoutItsOwnPeriodARowTakesTheFallback() {
        RowOutcome outcome = check(TemplateId.S1, with(TemplateId.S1, "period", ""));
        assertThat(((RowOutcome.Loaded) outcome).period()).isEqualTo(PERIOD);
        assertThat(((RowOutcome.Loaded) outcome).values()).containsEntry("period", "2026-10");
    }

    @Test
    void withNeitherThePeriodCannotBeDetermined() {
        ValidationContext noPeriod = new ValidationContext(null, TODAY, Sheets.DIVISIONS::contains, Sheets.STREET);
        HeaderMatch s1 = header(TemplateId.S1);
        assertThat(validator.check(s1, row(s1, with(TemplateId.S1, "period", "")), noPeriod))
                .isEqualTo(new RowOutcome.Rejected(List.of("无法确定统计月份")));
        assertThat(validator.check(s1, row(s1, good(TemplateId.S1)), noPeriod)).isInstanceOf(RowOutcome.Loaded.class);
        HeaderMatch s2 = header(TemplateId.S2);
        assertThat(validator.check(s2, row(s2, good(TemplateId.S2)), noPeriod))
                .isEqualTo(new RowOutcome.Rejected(List.of("无法确定统计月份")));
    }

    // ---- cells as they really arrive

    @Test
    void cellsTypedTheWayClerksTypeThemLoad() {
        Map<String, String> cells = with(TemplateId.S1, "community_code", "１３０１０２００１００１", "households", "1，234",
                "population", "3456.0", "facility_area", "650.5㎡", "period", "202610");
        assertThat(loaded(TemplateId.S1, cells)).containsEntry("community_code", "130102001001")
                .containsEntry("households", 1234L).containsEntry("population", 3456L)
                .containsEntry("facility_area", new BigDecimal("650.5")).containsEntry("period", "2026-10");
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"2019-03-05", "2019/3/5", "2019.03.05", "2019年3月5日", "20190305", "43529", "2019-03-05 00:00:00"})
    void everyDateFormLoadsAsTheSameDay(String typed) {
        assertThat(loaded(TemplateId.S2, with(TemplateId.S2, "founded_on", typed)))
                .containsEntry("founded_on", LocalDate.of(2019, 3, 5));
    }

    @ParameterizedTest(name = "[{index}] “{0}”")
    @ValueSource(strings = {"2019.3", "2019年3月", "2019-03"})
    void monthPrecisionDatesLoadAsTheMonthsFirstDay(String typed) {
        assertThat(loaded(TemplateId.S2, with(TemplateId.S2, "founded_on", typed)))
                .containsEntry("founded_on", LocalDate.of(2019, 3, 1));
    }

    @Test
    void withoutAKnownSendingUnitOnlyTheReferenceIsChecked() {
        ValidationContext unknownUnit = new ValidationContext(PERIOD, TODAY, Sheets.DIVISIONS::contains, null);
        HeaderMatch s1 = header(TemplateId.S1);
        assertThat(validator.check(s1, row(s1, with(TemplateId.S1, "community_code", "130104001001")), unknownUnit))
                .isInstanceOf(RowOutcome.Loaded.class);
    }

    private RowOutcome check(TemplateId id, Map<String, String> cells) {
        HeaderMatch match = header(id);
        return validator.check(match, row(match, cells), contextFor(id));
    }

    private Map<String, Object> loaded(TemplateId id, Map<String, String> cells) {
        RowOutcome outcome = check(id, cells);
        assertThat(outcome).as("outcome").isInstanceOf(RowOutcome.Loaded.class);
        return ((RowOutcome.Loaded) outcome).values();
    }
}
