package cn.sanshe.pipeline.demo;

import java.time.YearMonth;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param months the reporting months the demo inbox holds; empty means the three months before
 *               the current one, so the demo always shows "last month" like a real run
 * @param seed   the generator's seed: the same seed gives the same files
 */
@ConfigurationProperties("pipeline.demo")
record DemoProperties(List<YearMonth> months, Long seed) {

    DemoProperties {
        months = months == null ? List.of() : List.copyOf(months);
        seed = seed == null ? 130100L : seed;
    }

    List<YearMonth> monthsBefore(YearMonth current) {
        return months.isEmpty() ? List.of(current.minusMonths(3), current.minusMonths(2), current.minusMonths(1))
                : months;
    }
}
