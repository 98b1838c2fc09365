package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 1: the whole scope's main figure of every indicator (its only variant, or {@code all}),
 * and any other variant the profile sets a target for, each against its target.
 */
final class Headline {

    private Headline() {
    }

    static List<HeadlineRow> rows(EditionFigures edition) {
        String scope = edition.scope().code();
        FigureIndex now = new FigureIndex(edition.values());
        // last December counts only if something had been sent by then (else: a dash, not a 0)
        FigureIndex before = edition.yearly() && DataPresence.hasData(edition.lastYear(), scope)
                ? new FigureIndex(edition.lastYear()) : null;
        List<HeadlineRow> rows = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (indicator.section() == Section.DATA_QUALITY) {
                continue;                       // the annex's, not a leader's headline
            }
            for (String variant : indicator.variants()) {
                IndicatorValue figure = now.get(indicator, variant, scope);
                boolean main = variant.equals(indicator.variants().get(0));
                if (figure == null || !(main || figure.target() != null)) {
                    continue;
                }
                String previous = null;
                String change = null;
                if (edition.yearly()) {
                    IndicatorValue then = before == null ? null : before.get(indicator, variant, scope);
                    previous = Formats.text(indicator, then == null ? null : then.value());
                    change = Formats.change(indicator, figure.value(), then == null ? null : then.value());
                }
                rows.add(new HeadlineRow(name(indicator, variant),
                        Formats.text(indicator, figure.value()),
                        Formats.target(indicator, edition.comparators().get(indicator.id()), figure.target()),
                        status(figure), previous, change, link(edition, indicator, variant)));
            }
        }
        return rows;
    }

    /** The console page that explains the figure (a yearly edition's: its December). */
    static String link(EditionFigures edition, Indicator indicator, String variant) {
        String period = edition.yearly() ? edition.period().getYear() + "-12" : edition.period().toString();
        return "/explain/" + period + "/" + edition.scope().code() + "/" + indicator.id() + "?variant="
                + java.net.URLEncoder.encode(variant, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** green / amber / red; {@code nodata} when a target is set but the figure cannot be computed. */
    private static String status(IndicatorValue figure) {
        if (figure.status() != null) {
            return figure.status();
        }
        return figure.target() != null ? HeadlineRow.NO_DATA : null;
    }

    private static String name(Indicator indicator, String variant) {
        if (variant.isEmpty() || variant.equals("all")) {
            return indicator.chineseName();
        }
        if (indicator.chineseName().contains(" / ")) {
            return Labels.column(indicator.id(), variant);     // 在孵 / 累计孵化 / 出壳: one figure a line
        }
        return indicator.chineseName() + "（" + Labels.column(indicator.id(), variant) + "）";
    }
}
