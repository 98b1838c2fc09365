package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reports.PdfText;
import cn.sanshe.pipeline.reports.RenderedReport;
import cn.sanshe.pipeline.reports.ReportRenderer;
import cn.sanshe.pipeline.reports.ReportRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The figures the seed documents publish (metrics.md), reproduced from data that matches them. */
class SeedFiguresTests extends IndicatorTestBase {

    @Autowired
    ReportRenderer reports;

    static final String GANSU = "620000000000";
    static final String LUYUAN = "220106000000";

    /**
     * Gansu (002): 125 streets, 51 without a service centre; 1186 urban communities, 124 without
     * rooms, 699 with rooms under 300 m². A province-like tree of its own: 2 cities, 5 districts of
     * 25 streets, 61 streets of 10 communities and 64 of 9.
     */
    @Test
    void gansu() throws Exception {
        data.division(GANSU, "甘肃省（测试）", "province", null);
        List<String> streets = new ArrayList<>();
        String[][] cities = {{"620100000000", "620102", "620103", "620104"}, {"620200000000", "620201", "620202"}};
        for (String[] city : cities) {
            data.division(city[0], "市" + city[0].substring(2, 4), "city", null);
            for (int d = 1; d < city.length; d++) {
                data.division(city[d] + "000000", "区" + city[d], "district", null);
                for (int s = 1; s <= 25; s++) {
                    String street = city[d] + String.format("%03d", s);
                    data.division(street + "000", "街道" + street, "street", null);
                    streets.add(street);
                }
            }
        }
        int community = 0;
        for (int s = 0; s < streets.size(); s++) {
            String street = streets.get(s);
            long s1 = data.sheet("S1", street, OCT);
            for (int c = 1; c <= (s < 61 ? 10 : 9); c++, community++) {
                String code = street + String.format("%03d", c);
                data.division(code, "社区" + code, "community", "urban");
                // the first 124 have no rooms (blank or 0), the next 699 rooms under 300 m², the other 363 enough
                Integer area = community < 124 ? (community % 2 == 0 ? null : Integer.valueOf(0))
                        : Integer.valueOf(community < 823 ? 150 : 350);
                data.s1(s1, code, 500, 1500, area);
            }
            long s4 = data.sheet("S4", street, OCT);
            data.s4(s4, street, s >= 51, s >= 51 ? 900 : null);
        }

        List<IndicatorValue> oct = compute(GANSU, OCT, "gansu-2015");

        // 74 of 125 streets have a centre: 0.592, red against 100 %
        Figure.of(oct, "FAC_STREET_CENTER_COVERAGE", "", GANSU).is("0.592").of(74, 125).status("red");
        // 1062 of 1186 communities have rooms: 0.895 (89.5 %), red (under 90 %)
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "all", GANSU).of(1062, 1186).isAbout("0.895", 3).status("red");
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "urban", GANSU).of(1062, 1186);
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "rural", GANSU).is(null).of(0, 0);
        // 363 of 1186 have ≥ 300 m²
        Figure.of(oct, "FAC_COMMUNITY_AREA_OK", "", GANSU).of(363, 1186).isAbout("0.306", 3);
        // by city: the first has 75 streets (51 without a centre: 24 with), the second 50 (all with)
        Figure.of(oct, "FAC_STREET_CENTER_COVERAGE", "", "620100000000").of(24, 75);
        Figure.of(oct, "FAC_STREET_CENTER_COVERAGE", "", "620200000000").of(50, 50).status("green");

        // and the dashboard says so, on page 1 and in the facilities table of the province
        RenderedReport report = reports.render(new ReportRequest(OCT, GANSU, "gansu-2015",
                Path.of("target/test-work/seed-gansu")));
        PdfText pdf = PdfText.read(report.pdf());
        // (then the change on last month: no figures for September here)
        assertThat(pdf.lines()).contains("街道综合服务中心覆盖率 59.2% ≥ 100.0% 未达标 —",
                "社区综合服务设施覆盖率 89.5% ≥ 100.0% 未达标 —", "社区设施面积达标率 30.6% ≥ 100.0% 未达标 —");
        assertThat(pdf.hasLine("合计", List.of("89.5%", "89.5%", "—", "30.6%", "39.1", "59.2%", "59.2%"))).isTrue();
    }

    /**
     * Lüyuan (001): 58 urban communities; 287 organizations, 157 registered (118 private
     * non-enterprise units, 39 social groups) and 130 filed, as master records.
     */
    @Test
    void luyuan() {
        data.division("220000000000", "吉林省（测试）", "province", null);
        data.division("220100000000", "长春市（测试）", "city", null);
        data.division(LUYUAN, "绿园区", "district", null);
        List<String> communities = new ArrayList<>();
        int[] perStreet = {10, 10, 10, 10, 9, 9};
        for (int s = 1; s <= perStreet.length; s++) {
            String street = "220106" + String.format("%03d", s);
            data.division(street + "000", "街道" + s, "street", null);
            for (int c = 1; c <= perStreet[s - 1]; c++) {
                String code = street + String.format("%03d", c);
                data.division(code, "社区" + code, "community", "urban");
                communities.add(code);
            }
        }
        long registry = data.sheet("D1", "220106", OCT);
        List<Long> ledgers = new ArrayList<>();
        for (int s = 1; s <= perStreet.length; s++) {
            ledgers.add(data.sheet("S2", "220106" + String.format("%03d", s), OCT));
        }
        for (int i = 0; i < 287; i++) {
            String community = communities.get(i % communities.size());
            String regStatus = i < 157 ? "已登记" : "已备案";
            // 118 private non-enterprise units (the newer name for 18 of them), 39 social groups, 130 filed
            String type = i < 100 ? "民办非企业单位" : i < 118 ? "社会服务机构" : i < 157 ? "社会团体" : null;
            long master = data.org(community, "组织" + i, regStatus, type, null, null);
            if (i < 157) {
                data.d1(registry, master, "正常");
            }
            // the street ledgers list every filed one and the first 100 registered ones
            if (i < 100 || i >= 157) {
                data.s2(ledgers.get(Integer.parseInt(community.substring(6, 9)) - 1), master);
            }
        }

        List<IndicatorValue> oct = compute(LUYUAN, OCT, "gansu-2015");

        Figure.of(oct, "ORG_COUNT", "all", LUYUAN).count(287);
        Figure.of(oct, "ORG_COUNT", "已登记", LUYUAN).count(157);
        Figure.of(oct, "ORG_COUNT", "已备案", LUYUAN).count(130);
        Figure.of(oct, "ORG_COUNT", "type:民办非企业单位", LUYUAN).count(118);
        Figure.of(oct, "ORG_COUNT", "type:社会团体", LUYUAN).count(39);
        Figure.of(oct, "ORG_COUNT", "type:社区社会组织", LUYUAN).count(130);
        Figure.of(oct, "ORG_COUNT", "type:基金会", LUYUAN).count(0);
        // 287 ÷ 58 = 4.948276 per community
        Figure.of(oct, "ORG_AVG_PER_COMMUNITY", "", LUYUAN).of(287, 58).is("4.948276");
    }
}
