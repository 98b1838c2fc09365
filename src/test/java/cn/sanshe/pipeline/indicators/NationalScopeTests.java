package cn.sanshe.pipeline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import cn.sanshe.pipeline.reports.PdfText;
import cn.sanshe.pipeline.reports.RenderedReport;
import cn.sanshe.pipeline.reports.ReportRequest;
import cn.sanshe.pipeline.reports.ReportService;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The national edition: {@code 000000000000}, the root above the provinces, is a scope with a line
 * per province, and every level between it and a district has lines by the level below (a province
 * by city, a city by district). The figures of each line are those of the unit computed on its own,
 * and the root's total is the sum over the provinces.
 */
class NationalScopeTests extends IndicatorTestBase {

    static final String ROOT = "000000000000";
    static final String PROVINCE_62 = "620000000000";
    static final String CITY_62 = "620100000000";
    static final String DISTRICT_62 = "620102000000";
    static final String STREET_62 = "620102001";

    @Autowired
    ReportService reports;

    /** 测试省 (91) as the fixtures build it, and a second synthetic province 62 with one community. */
    private void twoProvinces() {
        data.division(PROVINCE_62, "第二省", "province", null);
        data.division(CITY_62, "第二市", "city", null);
        data.division(DISTRICT_62, "第二区", "district", null);
        data.division(STREET_62 + "000", "第二街道", "street", null);
        data.division(STREET_62 + "001", "第二社区", "community", "urban");
        long s1 = data.sheet("S1", IndicatorFixtures.STREET_1, IndicatorFixtures.SEPT);
        data.s1(s1, IndicatorFixtures.A1, 400, 1200, 350);
        data.s1(s1, IndicatorFixtures.A2, 300, 900, 0);
        long s1b = data.sheet("S1", STREET_62, IndicatorFixtures.SEPT);
        data.s1(s1b, STREET_62 + "001", 100, 300, 600);
    }

    @Test
    void theRootIsAScopeWhoseChildrenAreTheProvinces() {
        twoProvinces();

        Scope root = indicators.scope(ROOT);

        assertThat(root.unit().name()).isEqualTo("全国");
        assertThat(root.unit().level()).isEqualTo(Level.NATION);
        assertThat(root.children()).extracting(Scope.Unit::code).contains("130000000000", PROVINCE_62, "910000000000");
        assertThat(root.children()).extracting(Scope.Unit::level).containsOnly(Level.PROVINCE);
        assertThat(indicators.scope("910000000000").children()).extracting(Scope.Unit::code)
                .containsExactly(IndicatorFixtures.CITY);
        assertThat(indicators.scope(IndicatorFixtures.CITY).children()).extracting(Scope.Unit::level)
                .containsOnly(Level.DISTRICT);
    }

    @Test
    void everyLevelHasLinesByTheLevelBelowAndTheRootAddsUpTheProvinces() {
        twoProvinces();

        List<IndicatorValue> nation = compute(ROOT, IndicatorFixtures.SEPT, "gansu-2015");
        List<IndicatorValue> province91 = compute("910000000000", IndicatorFixtures.SEPT, "gansu-2015");
        List<IndicatorValue> city62 = compute(CITY_62, IndicatorFixtures.SEPT, "gansu-2015");

        // 91: of 测试省's 7 communities only 社区001 has a facility (350 m²); 社区002 has none
        Figure.of(nation, "FAC_COMMUNITY_COVERAGE", "all", "910000000000").is("0.142857").of(1, 7);
        Figure.of(province91, "FAC_COMMUNITY_COVERAGE", "all", "910000000000").is("0.142857").of(1, 7);
        // the province's line by city equals the city computed on its own
        Figure.of(province91, "FAC_COMMUNITY_COVERAGE", "all", IndicatorFixtures.CITY).of(1, 7);
        Figure.of(nation, "FAC_COMMUNITY_COVERAGE", "all", PROVINCE_62).is("1").of(1, 1);
        Figure.of(city62, "FAC_COMMUNITY_COVERAGE", "all", DISTRICT_62).is("1").of(1, 1);
        // the root: the sum over the provinces (the demo province 13 has no facility in this test)
        BigDecimal communities = BigDecimal.ZERO;
        for (Scope.Unit province : indicators.scope(ROOT).children()) {
            communities = communities.add(IndicatorFixtures.find(nation, "FAC_COMMUNITY_COVERAGE", "all", province.code())
                    .denominator());
        }
        assertThat(communities.longValue()).isGreaterThan(8);
        Figure.of(nation, "FAC_COMMUNITY_COVERAGE", "all", ROOT).of(2, communities.longValue());
    }

    @Test
    void theNationalEditionIsRenderedWithALinePerProvince(@TempDir Path out) throws Exception {
        twoProvinces();

        RenderedReport report = reports.render(new ReportRequest(IndicatorFixtures.SEPT, ROOT, "gansu-2015", out));

        assertThat(report.title()).isEqualTo("全国三社联动监测月报（2026年9月）");
        String kpis = Files.readString(report.kpisJson());
        assertThat(kpis).contains("\"scope\" : \"" + PROVINCE_62 + "\"").contains("\"scope\" : \"910000000000\"")
                .contains("\"scope\" : \"" + ROOT + "\"");
        PdfText pdf = PdfText.read(report.pdf());
        assertThat(pdf.lines()).anyMatch(line -> line.startsWith("第二省"));
        assertThat(pdf.lines()).anyMatch(line -> line.startsWith("测试省"));
        assertThat(String.join("\n", pdf.lines())).contains("省（区、市）");
    }

    @Test
    void twoZerosAreNoScope() {
        assertThatThrownBy(() -> indicators.scope("00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> indicators.scope("990000000000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不在区划表中");
    }
}
