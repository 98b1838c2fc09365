package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.indicators.StreetSubmission;
import cn.sanshe.pipeline.indicators.StreetSubmissions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether a period is final — its figures will not change any more except by a correction — and
 * may be delivered: the month has ended, the grace days for late files have passed (Beijing
 * time), and, when configured, enough of the scope's street templates were sent. A year is final
 * when its December is. Delivery, the schedules and the yearly edition (as of the year's last
 * final month) ask here.
 */
@Component
@EnableConfigurationProperties(FinalityProperties.class)
public class PeriodFinality {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final FinalityProperties properties;
    private final StreetSubmissions streets;
    private final Clock clock;

    PeriodFinality(FinalityProperties properties, StreetSubmissions streets, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.streets = streets;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Today in Beijing. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    /** The first day the month is final by the calendar (the grace days for late files passed). */
    public LocalDate finalFrom(YearMonth month) {
        return month.plusMonths(1).atDay(1).plusDays(properties.graceDays());
    }

    /** Why a period ({@code yyyy-MM} or {@code yyyy}) of a scope is not final yet, in Chinese; empty when it is. */
    public Optional<String> notFinal(String scope, String period) {
        if (period.length() == 4) {
            YearMonth december = YearMonth.of(Integer.parseInt(period), 12);
            return notFinal(scope, december).map(why -> period + "年的12月尚未截止：" + why);
        }
        return notFinal(scope, YearMonth.parse(period));
    }

    public boolean isFinal(String scope, String period) {
        return notFinal(scope, period).isEmpty();
    }

    public Optional<String> notFinal(String scope, YearMonth month) {
        LocalDate from = finalFrom(month);
        if (today().isBefore(from)) {
            return Optional.of(label(month) + "的报送期（含迟报宽限" + properties.graceDays() + "天）到 "
                    + from.minusDays(1) + " 才结束，" + from + " 起为正式数据");
        }
        if (properties.minSubmissionRate().signum() > 0) {
            BigDecimal rate = submissionRate(scope, month);
            if (rate.compareTo(properties.minSubmissionRate()) < 0) {
                return Optional.of(label(month) + "街道报送率 " + rate.setScale(1, RoundingMode.HALF_UP).toPlainString()
                        + "%，未达到截止所需的 " + properties.minSubmissionRate().stripTrailingZeros().toPlainString() + "%");
            }
        }
        return Optional.empty();
    }

    /** The newest final month of a year for a scope, or empty when none is final yet. */
    public Optional<YearMonth> lastFinalMonth(String scope, int year) {
        for (int month = 12; month >= 1; month--) {
            YearMonth candidate = YearMonth.of(year, month);
            if (!today().isBefore(finalFrom(candidate)) && notFinal(scope, candidate).isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** S1–S4 sent by the scope's streets for the month, as a percentage of four per street. */
    BigDecimal submissionRate(String scope, YearMonth month) {
        List<StreetSubmission> sent = streets.of(scope, month);
        if (sent.isEmpty()) {
            return BigDecimal.ZERO;
        }
        long templates = sent.stream().mapToLong(s -> (s.sentS1() ? 1 : 0) + (s.sentS2() ? 1 : 0)
                + (s.sentS3() ? 1 : 0) + (s.sentS4() ? 1 : 0)).sum();
        return BigDecimal.valueOf(templates * 100).divide(BigDecimal.valueOf(sent.size() * 4L), 4, RoundingMode.HALF_UP);
    }

    private static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }
}
