package cn.sanshe.pipeline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A city of 2000 communities and a year of every template (about 800 000 staged rows): the figures
 * are still right and come in seconds. {@code -Dindicators.scale.cities=10} makes it a province of
 * ten such cities (computed at the province).
 */
class ScaleTests extends IndicatorTestBase {

    private static final Logger log = LoggerFactory.getLogger(ScaleTests.class);

    private final int cities = Integer.getInteger("indicators.scale.cities", 1);

    @AfterEach
    void removeTheCity() {
        new ScaleCity(jdbc).remove();
    }

    @Test
    void aYearOfABigCity() {
        long start = System.nanoTime();
        new ScaleCity(jdbc).build(cities);
        log.info("scale: {} cit(ies) built in {}", cities, Duration.ofNanos(System.nanoTime() - start));
        String scope = cities == 1 ? ScaleCity.FIRST_CITY : ScaleCity.PROVINCE;

        start = System.nanoTime();
        List<IndicatorValue> december = compute(scope, "2026-12", "shijiazhuang-2020");
        Duration month = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        Map<YearMonth, List<IndicatorValue>> year = indicators.year(scope, 2026, "shijiazhuang-2020");
        Duration twelve = Duration.ofNanos(System.nanoTime() - start);
        log.info("scale: {} cit(ies): one month in {}, the year's 12 months in {}", cities, month, twelve);

        long c = cities;
        Figure.of(december, "FAC_COMMUNITY_COVERAGE", "all", scope).is("0.9").of(1800 * c, 2000 * c);
        Figure.of(december, "FAC_COMMUNITY_COVERAGE", "rural", scope).is("0.5").of(200 * c, 400 * c);
        Figure.of(december, "FAC_STREET_CENTER_COVERAGE", "", scope).is("1").of(200 * c, 200 * c);
        Figure.of(december, "ORG_COUNT", "all", scope).count(20000 * c);
        Figure.of(december, "ORG_COUNT", "已登记", scope).count(6000 * c);
        Figure.of(december, "ORG_COUNT", "type:社区社会组织", scope).count(14000 * c);
        Figure.of(december, "STF_AGENCIES", "", scope).count(2000 * c);
        Figure.of(december, "STF_PROFESSIONALS", "", scope).count(8000 * c);
        Figure.of(december, "STF_COMMITTEE_CERT_RATE", "", scope).of(4000 * c, 6000 * c);
        Figure.of(december, "STF_COLLEGE_RATE", "", scope).is("0.625").of(10000 * c, 16000 * c);
        Figure.of(december, "STF_POSTS_PER_POP_OK", "", scope).is("1");
        Figure.of(december, "INC_COUNT", "all", scope).count(40 * c);
        Figure.of(december, "INC_STREET_PER_DISTRICT_OK", "", scope).is("1").of(10 * c, 10 * c);
        Figure.of(december, "DQ_SUBMISSION_RATE", "S3", scope).is("1");
        // every December row joins a master with earlier rows: ledgers 20000, registry 6000, rosters 16000
        Figure.of(december, "DQ_MERGED", "", scope).count(42000 * c);
        // a child unit's share
        String firstChild = cities == 1 ? "930101000000" : ScaleCity.FIRST_CITY;
        Figure.of(december, "ORG_COUNT", "all", firstChild).count(cities == 1 ? 2000 : 20000);

        assertThat(year).hasSize(12);
        assertThat(year.get(YearMonth.of(2026, 12))).isEqualTo(december);
        // January: the registry's and the ledgers' rows of the 6000 registered join each other, and so do
        // the rosters' and the certificate register's rows of the 8000 certified: 2 × 6000 + 2 × 8000
        Figure.of(year.get(YearMonth.of(2026, 1)), "DQ_MERGED", "", scope).count(28000 * c);
        // a city's month in seconds, whatever machine runs the tests
        assertThat(month).as("one month of a city of 2000 communities").isLessThan(Duration.ofSeconds(30 * c));
    }
}
