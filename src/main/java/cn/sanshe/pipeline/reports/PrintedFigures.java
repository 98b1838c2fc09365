package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.reports.layout.Formats;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Figures on the console's pages printed exactly as the PDF prints them ({@link Formats}: 59.2%,
 * 14.2, 114), so a leader who follows a figure's link from the PDF finds the same number. Templates
 * call it as {@code @printed}.
 */
@Component("printed")
public class PrintedFigures {

    public String text(Indicator indicator, BigDecimal value) {
        return Formats.text(indicator, value);
    }
}
