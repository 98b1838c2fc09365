package cn.sanshe.pipeline.reports;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a period is final ({@code pipeline.report.finality} in jobs/editions.yml).
 *
 * @param graceDays         days after the month's end for late files: a month is final from the
 *                          start of day {@code graceDays + 1} of the next month (Beijing time)
 * @param minSubmissionRate the share of street templates (S1–S4 of every street of the edition's
 *                          scope) that must have been sent for the month, in percent; 0 = not required
 */
@ConfigurationProperties("pipeline.report.finality")
public record FinalityProperties(Integer graceDays, BigDecimal minSubmissionRate) {

    public FinalityProperties {
        graceDays = graceDays == null || graceDays < 0 ? 2 : graceDays;
        minSubmissionRate = minSubmissionRate == null ? BigDecimal.ZERO : minSubmissionRate;
    }
}
