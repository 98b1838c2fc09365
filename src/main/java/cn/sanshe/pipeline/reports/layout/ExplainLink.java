package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Indicator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * Where the console explains a printed figure: {@code /explain/{month}/{unit}/{indicator}?variant=…}
 * (the console's address goes before it). A section line's figure links to its unit's own page
 * (a district's line in a city edition to the district's figure, which drills on to its streets),
 * the total line and page 1 to the scope's. The month is the one the figures are of: a yearly
 * edition's last month reported.
 */
public final class ExplainLink {

    private ExplainLink() {
    }

    public static String of(YearMonth month, String unit, Indicator indicator, String variant) {
        return "/explain/" + month + "/" + unit + "/" + indicator.id() + "?variant="
                + URLEncoder.encode(variant, StandardCharsets.UTF_8);
    }
}
