package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.B1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The invariant of partitioned indicators: every scope's figures computed on a pool of four threads
 * (what {@code pipeline.indicators.parallel-scopes} sizes) and stored as runs are exactly the figures
 * of the same scope computed on its own, one after another — for the root, every province, city and
 * district of the reference.
 */
class AllScopesTests extends IndicatorTestBase {

    @Autowired
    AllScopes allScopes;

    @Test
    void everyScopeComputedInParallelEqualsItsSequentialFigures() {
        data.division("620000000000", "第二省", "province", null);
        data.division("620100000000", "第二市", "city", null);
        data.division("620102000000", "第二区", "district", null);
        data.division("620102001000", "第二街道", "street", null);
        data.division("620102001001", "第二社区", "community", "urban");
        long s1 = data.sheet("S1", STREET_1, SEPT);
        data.s1(s1, A1, 400, 1200, 350);
        data.s1(s1, A2, 300, 900, 0);
        data.s1(data.sheet("S1", "620102001", SEPT), "620102001001", 100, 300, 600);
        long o1 = data.org(A1, "阳光老年协会", "已备案", null, null, null);
        long o2 = data.org(B1, "邻里互助会", "已登记", "社会团体", 4, true);
        data.s2(data.sheet("S2", STREET_1, OCT), o1);
        data.s2(data.sheet("S2", STREET_2, OCT), o2);
        long w = data.worker("张三", "910102", true, "本科");
        data.s3(data.sheet("S3", STREET_1, OCT), w, A1, true, true, "本科");

        List<String> scopes = allScopes.everyScope();
        assertThat(scopes).first().isEqualTo("000000000000");
        assertThat(scopes).contains("910000000000", IndicatorFixtures.CITY, IndicatorFixtures.JIA, "620102000000",
                "130100000000", "130102000000");

        Map<String, List<IndicatorValue>> sequential = new LinkedHashMap<>();
        for (String scope : scopes) {
            sequential.put(scope, indicators.compute(scope, YearMonth.parse(OCT), "gansu-2015"));
        }
        Map<String, Long> runs = allScopes.run(scopes, YearMonth.parse(OCT), "gansu-2015", 4);

        assertThat(runs.keySet()).containsExactlyElementsOf(scopes);
        for (String scope : scopes) {
            assertThat(indicators.stored(runs.get(scope))).as(scope).isEqualTo(sequential.get(scope));
        }
        // the figures are not trivially empty: the test city has its organizations and worker
        Figure.of(sequential.get(IndicatorFixtures.CITY), "ORG_COUNT", "all", IndicatorFixtures.CITY).count(2);
        Figure.of(sequential.get("000000000000"), "ORG_COUNT", "all", "910000000000").count(2);
    }
}
