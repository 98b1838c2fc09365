package cn.sanshe.pipeline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(RootLocale.class)
class TemplateCatalogTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.standard();

    static Stream<List<String>> columnIds() {
        return Stream.of(
                List.of("S1", "community_code", "community_name", "urban_rural", "households", "population", "facility_area",
                        "grids", "volunteers", "period"),
                List.of("S2", "org_name", "credit_code", "reg_status", "filing_no", "org_type", "service_domain",
                        "person_in_charge", "phone", "community_code", "founded_on", "rating", "is_sw_agency"),
                List.of("S3", "name", "id_number", "gender", "birth_date", "education", "political_status", "post",
                        "is_committee", "is_sw_post", "cert_level", "cert_no", "community_code", "hired_on", "phone"),
                List.of("S4", "street_code", "street_name", "centre_built", "centre_area", "opened_on"),
                List.of("D1", "credit_code", "org_name", "org_type", "registered_on", "reg_status", "legal_rep", "address",
                        "community_code", "rating", "is_sw_agency"),
                List.of("D2", "name", "level", "district_code", "street_code", "area", "opened_on", "operator_credit_code",
                        "in_incubation", "cumulative", "graduated"),
                List.of("D3", "name", "id_number", "cert_level", "cert_no", "obtained_year", "employer", "street_code"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("columnIds")
    void columnIdsAreTheStagingColumns(List<String> expected) {
        Template template = CATALOG.template(TemplateId.valueOf(expected.get(0)));
        assertThat(template.columns()).extracting(ColumnSpec::id).containsExactlyElementsOf(expected.subList(1, expected.size()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(TemplateId.class)
    void recognisesEachTemplateByItsCanonicalHeaders(TemplateId id) {
        Template template = CATALOG.template(id);
        HeaderMatch match = CATALOG.recognise(row(1, headers(template))).orElseThrow();
        assertThat(match.template().id()).isEqualTo(id);
        assertThat(match.columnIndex()).hasSize(template.columns().size());
        assertThat(match.unmatchedHeaders()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} {1} ← {2}")
    @CsvSource(delimiter = '|', textBlock = """
            S1 | community_code   | 社区编码
            S1 | community_code   | 区划代码
            S1 | community_code   | 社区(村)代码
            S1 | community_code   | 统计用区划代码
            S1 | community_name   | 社区(村)名称
            S1 | community_name   | 社区
            S1 | urban_rural      | 社区类型
            S1 | urban_rural      | 城乡分类
            S1 | households       | 总户数
            S1 | households       | 居民户数
            S1 | population       | 人口数
            S1 | population       | 居民人数
            S1 | population       | 常住人口数
            S1 | facility_area    | 服务用房面积
            S1 | facility_area    | 办公服务用房面积
            S1 | facility_area    | 综合服务设施面积（㎡）
            S1 | grids            | 网格数量
            S1 | volunteers       | 志愿者人数
            S1 | period           | 月份
            S1 | period           | 报送月份
            S2 | org_name         | 社会组织名称
            S2 | org_name         | 名称
            S2 | credit_code      | 信用代码
            S2 | credit_code      | 社会信用代码
            S2 | reg_status       | 登记/备案
            S2 | reg_status       | 管理方式
            S2 | org_type         | 类型
            S2 | service_domain   | 活动领域
            S2 | service_domain   | 类别
            S2 | person_in_charge | 法定代表人
            S2 | person_in_charge | 联系人
            S2 | phone            | 电话
            S2 | phone            | 手机
            S2 | community_code   | 社区代码
            S2 | founded_on       | 成立时间
            S2 | founded_on       | 备案日期
            S2 | rating           | 等级
            S2 | is_sw_agency     | 社工机构
            S3 | id_number        | 身份证号码
            S3 | id_number        | 公民身份号码
            S3 | id_number        | 身份证
            S3 | birth_date       | 出生年月
            S3 | education        | 文化程度
            S3 | education        | 最高学历
            S3 | post             | 岗位
            S3 | is_committee     | 两委成员
            S3 | is_committee     | 是否两委成员
            S3 | is_sw_post       | 是否社工岗位
            S3 | cert_level       | 职业资格
            S3 | cert_level       | 社会工作者职业资格
            S3 | cert_no          | 资格证书编号
            S3 | community_code   | 社区代码
            S3 | hired_on         | 参加工作时间
            S3 | phone            | 手机号码
            S4 | street_code      | 街道(乡镇)代码
            S4 | street_name      | 街道(乡镇)名称
            S4 | centre_built     | 综合服务中心是否建成
            S4 | centre_built     | 建成情况
            S4 | centre_area      | 面积
            S4 | centre_area      | 建筑面积
            S4 | opened_on        | 投入使用日期
            D1 | credit_code      | 信用代码
            D1 | org_name         | 社会组织名称
            D1 | org_name         | 名称
            D1 | org_type         | 类型
            D1 | registered_on    | 成立登记日期
            D1 | reg_status       | 状态
            D1 | legal_rep        | 负责人
            D1 | address          | 地址
            D1 | community_code   | 社区代码
            D2 | name             | 名称
            D2 | level            | 层级
            D2 | district_code    | 区县代码
            D2 | street_code      | 街道代码
            D2 | area             | 建筑面积
            D2 | area             | 面积（㎡）
            D2 | opened_on        | 建成日期
            D2 | operator_credit_code | 运营机构信用代码
            D2 | in_incubation    | 入驻组织数
            D2 | graduated        | 已出壳数
            D3 | id_number        | 身份证号码
            D3 | cert_level       | 资格等级
            D3 | cert_no          | 管理号
            D3 | cert_no          | 资格证书编号
            D3 | obtained_year    | 取得时间
            """)
    void recognisesEveryAliasOfSourcesMd(TemplateId id, String columnId, String alias) {
        assertRecognised(id, columnId, alias);
    }

    /** Header cells as units type them (sources.md, "Header cells vary"). */
    @ParameterizedTest(name = "[{index}] {0} {1} ← {2}")
    @CsvSource(delimiter = '|', textBlock = """
            S1 | community_code   | 社区（村）代码（必填）
            S1 | community_code   | '社区\n代码'
            S1 | community_name   | 社区（村）名称
            S1 | community_name   | 社区名称(必填)
            S1 | households       | ' 户 数 '
            S1 | households       | 户数（户）
            S1 | population       | '常住\r\n人口'
            S1 | facility_area    | 综合服务设施面积(平方米)
            S1 | facility_area    | '综合服务\n设施面积（㎡）'
            S1 | facility_area    | 综合服务设施面积（m²）
            S1 | facility_area    | 办公服务用房面积（㎡）
            S2 | org_name         | *组织名称
            S2 | org_name         | ＊名称
            S2 | reg_status       | 登记／备案
            S2 | community_code   | 所属社区代码（必填）
            S2 | phone            | 联系电话（手机）
            S3 | name             | *姓名
            S3 | name             | 姓  名
            S3 | id_number        | 身份证号（必填）
            S3 | id_number        | '身份证号\n（必填）'
            S3 | id_number        | 公民身份号码（18位）
            S4 | street_code      | 街道（乡镇）代码
            S4 | street_code      | 街道（乡镇）代码（必填）
            S4 | street_name      | 街道（乡镇）名称
            S4 | centre_area      | 面积（㎡）
            S4 | centre_area      | 面积(平方米)
            S4 | centre_area      | 中心面积（平方米）
            D2 | area             | 面积(平方米)
            D2 | area             | 建筑面积（㎡）
            D2 | district_code    | 所在区代码（必填）
            D3 | cert_level       | 证书等级(必填)
            """)
    void recognisesHeaderVariants(TemplateId id, String columnId, String header) {
        assertRecognised(id, columnId, header);
    }

    @Test
    void findsTheHeaderBelowATitleAndAFillingLine() {
        List<SheetRow> sheet = List.of(
                row(1, List.of("XX街道社区社会组织台账（2026年10月）", "", "", "")),
                row(2, List.of("填报单位：XX街道    填报日期：2026年11月3日", "", "", "")),
                row(3, List.of("序号", "*组织名称", "统一社会\n信用代码", "登记状态（必填）", "所属社区\n代码（必填）", "备注")),
                row(4, List.of("1", "阳光社区老年协会", "", "已备案", "130102001001", "")));
        HeaderMatch match = firstMatch(sheet).orElseThrow();
        assertThat(match.template().id()).isEqualTo(TemplateId.S2);
        assertThat(match.headerRowNumber()).isEqualTo(3);
        assertThat(match.columnIndex()).containsExactly(Map.entry("org_name", 1), Map.entry("credit_code", 2),
                Map.entry("reg_status", 3), Map.entry("community_code", 4));
        assertThat(match.unmatchedHeaders()).containsExactly("备注");
    }

    @Test
    void aNotesSheetIsNoTemplate() {
        List<SheetRow> notes = List.of(
                row(1, List.of("填表说明")),
                row(2, List.of("1. 本表每月报送一次，请于次月10日前报送。")),
                row(3, List.of("2. 社区代码请填写12位统计用区划代码。")),
                row(4, List.of("3. 身份证号请填写18位号码，末位X请大写。")),
                row(5, List.of("5. 登记状态填写“已登记”或“已备案”。")),
                row(6, List.of("6. 表中带*的栏目为必填项。")));
        assertThat(firstMatch(notes)).isEmpty();
    }

    @Test
    void aHeaderWithoutARequiredColumnIsNoTemplate() {
        // S1 without 常住人口.
        assertThat(CATALOG.recognise(row(1, List.of("社区代码", "社区名称", "户数", "网格数")))).isEmpty();
    }

    @Test
    void aLedgerIsNotMistakenForTheRegistryItAlsoCovers() {
        // An S2 header holds every required column of D1 too; more columns matched wins.
        Template s2 = CATALOG.template(TemplateId.S2);
        assertThat(CATALOG.recognise(row(1, headers(s2))).orElseThrow().template().id()).isEqualTo(TemplateId.S2);
        List<String> registry = List.of("统一社会信用代码", "组织名称", "组织类型", "登记状态", "法定代表人", "所属社区代码");
        assertThat(CATALOG.recognise(row(1, registry)).orElseThrow().template().id()).isEqualTo(TemplateId.D1);
    }

    @Test
    void aCanonicalHeaderWinsOverAnAliasOfTheSameColumn() {
        List<String> cells = List.of("联系人", "组织名称", "登记状态", "负责人", "所属社区代码");
        HeaderMatch match = CATALOG.recognise(row(1, cells)).orElseThrow();
        assertThat(match.columnIndex()).containsEntry("person_in_charge", 3);
        assertThat(match.unmatchedHeaders()).containsExactly("联系人");
    }

    @Test
    void operatorsAddAliasesWithoutCodeChanges() {
        List<String> cells = List.of("社区代码", "社区名称", "户数", "常住人口", "社区用房面积");
        assertThat(CATALOG.recognise(row(1, cells)).orElseThrow().columnIndex()).doesNotContainKey("facility_area");

        TemplateCatalog extended = CATALOG.withAliases(Map.of(TemplateId.S1, Map.of("facility_area", List.of("社区用房面积"))));
        HeaderMatch match = extended.recognise(row(1, cells)).orElseThrow();
        assertThat(match.columnIndex()).containsEntry("facility_area", 4);
        assertThat(extended.template(TemplateId.S1).column("facility_area").orElseThrow().aliases())
                .startsWith("服务用房面积").endsWith("社区用房面积");
    }

    @Test
    void anAliasForAnUnknownColumnIsAConfigurationMistake() {
        assertThatThrownBy(() -> CATALOG.withAliases(Map.of(TemplateId.S1, Map.of("facility", List.of("用房")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S1 has no column facility");
    }

    @Test
    void vocabulariesAreTheCanonicalValues() {
        assertThat(column(TemplateId.S2, "org_type").vocabulary()).containsExactly("社会团体", "民办非企业单位", "基金会", "社区社会组织");
        assertThat(column(TemplateId.D1, "org_type").vocabulary()).containsExactly("社会团体", "民办非企业单位", "基金会");
        assertThat(column(TemplateId.D1, "reg_status").vocabulary()).containsExactly("正常", "注销", "撤销");
        assertThat(column(TemplateId.S3, "cert_level").vocabulary()).containsExactly("无", "助理社会工作师", "社会工作师", "高级社会工作师");
        assertThat(column(TemplateId.D3, "cert_level").vocabulary()).containsExactly("助理社会工作师", "社会工作师", "高级社会工作师");
        assertThat(column(TemplateId.D2, "level").vocabulary()).containsExactly("市级", "区级", "街道级");
        assertThat(column(TemplateId.S1, "urban_rural").vocabulary()).containsExactly("urban", "rural");
        assertThat(column(TemplateId.S1, "households").vocabulary()).isEmpty();
    }

    private static void assertRecognised(TemplateId id, String columnId, String header) {
        Template template = CATALOG.template(id);
        List<String> cells = headers(template);
        int position = template.columns().indexOf(column(id, columnId));
        cells.set(position, header);
        Optional<HeaderMatch> match = CATALOG.recognise(row(1, cells));
        assertThat(match).as("recognised").isPresent();
        assertThat(match.get().template().id()).isEqualTo(id);
        assertThat(match.get().columnIndex()).containsEntry(columnId, position);
        assertThat(match.get().unmatchedHeaders()).isEmpty();
    }

    /** What the ingest step does: the first of the first ten rows that matches. */
    private static Optional<HeaderMatch> firstMatch(List<SheetRow> rows) {
        return rows.stream().limit(10).map(CATALOG::recognise).flatMap(Optional::stream).findFirst();
    }

    private static ColumnSpec column(TemplateId id, String columnId) {
        return CATALOG.template(id).column(columnId).orElseThrow();
    }

    private static List<String> headers(Template template) {
        return new ArrayList<>(template.columns().stream().map(ColumnSpec::header).toList());
    }

    private static SheetRow row(int number, List<String> cells) {
        return new SheetRow(number, cells);
    }
}
