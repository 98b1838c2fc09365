package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.reference.DivisionLoader;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every indicator test starts from empty inputs, the demo city and the test city of {@link IndicatorFixtures}. */
@SpringBootTest
abstract class IndicatorTestBase {

    @Autowired
    IndicatorService indicators;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    IndicatorFixtures data;

    @BeforeEach
    void emptyInputs() throws Exception {
        data = new IndicatorFixtures(jdbc).reset(divisions);
    }

    @AfterEach
    void leaveNoTestDivisions() {
        data.removeSyntheticDivisions();
    }

    List<IndicatorValue> compute(String scope, String period, String profile) {
        return indicators.compute(scope, YearMonth.parse(period), profile);
    }
}
