package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The marks on real figures: 长安区's 45 communities against 100 % coverage, households per worker against ≤ 250. */
class StatusColourIntegrationTests extends IndicatorTestBase {

    static final String CHANGAN = "130102000000";

    @ParameterizedTest(name = "{0} of 45 communities with a facility → {1}")
    @CsvSource({"45, green", "41, amber", "40, red"})
    void coverageAgainstAtLeast(int withFacility, String colour) {
        List<String> communities = jdbc.queryForList(
                "SELECT code FROM division WHERE level = 'community' AND code LIKE '130102%' ORDER BY code", String.class);
        int i = 0;
        for (String community : communities) {
            long sheet = data.sheet("S1", community.substring(0, 9), OCT);
            data.s1(sheet, community, 100, 300, i++ < withFacility ? 200 : 0);
        }

        // 41/45 = 0.911 ≥ 0.9 → amber; 40/45 = 0.889 → red
        Figure.of(compute(CHANGAN, OCT, "gansu-2015"), "FAC_COMMUNITY_COVERAGE", "all", CHANGAN)
                .of(withFacility, 45).status(colour);
    }

    @ParameterizedTest(name = "{0} households for one worker → {1}")
    @CsvSource({"250, green", "275, amber", "276, red"})
    void householdsPerWorkerAgainstAtMost(int households, String colour) {
        String community = "130102001001";
        long s1 = data.sheet("S1", "130102001", OCT);
        data.s1(s1, community, households, 1000, 100);
        long worker = data.worker("张三", "130102", false, "本科");
        data.s3(data.sheet("S3", "130102001", OCT), worker, community, false, false, "本科");

        Figure.of(compute(CHANGAN, OCT, "ningbo-2013"), "STF_HH_PER_WORKER", "", CHANGAN).of(households, 1)
                .target("250").status(colour);
    }
}
