package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Section;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Page 1 as a dashboard: the verdict (达标 / 接近 / 未达标 counts), every figure of the whole scope
 * the profile sets a target for (value with unit, target, mark, change on last month and, yearly,
 * on last year's end), and the context figures (communities, workers, organizations) without
 * marks. Every other figure stays in its section.
 */
final class Headline {

    /** Page 1's figures, and the ones that moved most since last month (for the mail). */
    record Page(String verdict, List<HeadlineRow> rows, List<ContextFigure> context, List<String> movers) {
    }

    private record Moved(String text, double weight) {
    }

    private Headline() {
    }

    static Page of(EditionFigures edition) {
        String scope = edition.scope().code();
        FigureIndex now = new FigureIndex(edition.values());
        FigureIndex month = new FigureIndex(edition.lastMonth());
        FigureIndex year = edition.yearly() ? new FigureIndex(edition.lastYear()) : null;
        List<HeadlineRow> rows = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        int green = 0;
        int amber = 0;
        int red = 0;
        int none = 0;
        for (Indicator indicator : Indicator.values()) {
            if (indicator.section() == Section.DATA_QUALITY) {
                continue;                       // the annex's, not a leader's headline
            }
            for (String variant : indicator.variants()) {
                IndicatorValue figure = now.get(indicator, variant, scope);
                if (figure == null || figure.target() == null) {
                    continue;
                }
                IndicatorValue before = month.get(indicator, variant, scope);
                String status = status(figure);
                switch (status) {
                    case IndicatorValue.GREEN -> green++;
                    case IndicatorValue.AMBER -> amber++;
                    case IndicatorValue.RED -> red++;
                    default -> none++;
                }
                String yearChange = null;
                if (year != null) {
                    IndicatorValue then = year.get(indicator, variant, scope);
                    yearChange = Formats.change(indicator, figure.value(), then == null ? null : then.value());
                }
                String name = name(indicator, variant);
                rows.add(new HeadlineRow(name, Formats.withUnit(indicator, figure),
                        Formats.target(indicator, edition.comparators().get(indicator.id()), figure.target()),
                        status, Formats.change(indicator, figure.value(), before == null ? null : before.value()),
                        yearChange, link(edition, indicator, variant)));
                moved(moved, name, indicator, figure.value(), before == null ? null : before.value());
            }
        }
        List<ContextFigure> context = new ArrayList<>();
        context(context, moved, edition, now, month, "context.communities", Indicator.FAC_COMMUNITY_COVERAGE, "all",
                true);
        context(context, moved, edition, now, month, "context.workers", Indicator.STF_COLLEGE_RATE, "", true);
        context(context, moved, edition, now, month, "context.orgs", Indicator.ORG_COUNT, "all", false);
        context(context, moved, edition, now, month, "context.communityOrgs", Indicator.ORG_COUNT,
                "type:社区社会组织", false);
        String verdict = rows.isEmpty() ? Labels.get("verdict.noTargets")
                : Labels.get("verdict", green, amber, red) + (none > 0 ? Labels.get("verdict.noData", none) : "");
        List<String> movers = moved.stream().sorted(Comparator.comparingDouble(Moved::weight).reversed()).limit(3)
                .map(Moved::text).toList();
        return new Page(verdict, rows, context, movers);
    }

    /** The console page that explains the figure (a yearly edition's: its last month reported, the month printed). */
    static String link(EditionFigures edition, Indicator indicator, String variant) {
        return ExplainLink.of(edition.period(), edition.scope().code(), indicator, variant);
    }

    /**
     * A context figure: a count of the whole scope (from a figure's denominator when {@code denominator},
     * e.g. the communities a coverage rate is taken over), with its change on last month.
     */
    private static void context(List<ContextFigure> context, List<Moved> moved, EditionFigures edition,
            FigureIndex now, FigureIndex month, String label, Indicator indicator, String variant,
            boolean denominator) {
        String scope = edition.scope().code();
        IndicatorValue figure = now.get(indicator, variant, scope);
        if (figure == null) {
            return;
        }
        IndicatorValue before = month.get(indicator, variant, scope);
        BigDecimal value = denominator ? figure.denominator() : figure.value();
        BigDecimal then = before == null ? null : denominator ? before.denominator() : before.value();
        String text = NoData.isNoData(figure) ? NoData.STATUS : value == null ? Formats.NONE : whole(value);
        String change = value == null || then == null ? Formats.NONE : signed(value.subtract(then));
        context.add(new ContextFigure(Labels.get(label), text, Labels.get(label + ".unit"), change,
                ExplainLink.of(edition.period(), scope, indicator, variant)));
        if (value != null && then != null && then.signum() != 0 && value.compareTo(then) != 0) {
            moved.add(new Moved(Labels.get(label) + " " + whole(then) + " → " + whole(value) + "（" + change + "）",
                    relative(value, then)));
        }
    }

    private static void moved(List<Moved> moved, String name, Indicator indicator, BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return;
        }
        BigDecimal a = Formats.printed(indicator, now);
        BigDecimal b = Formats.printed(indicator, before);
        if (a.compareTo(b) == 0) {
            return;
        }
        moved.add(new Moved(name + " " + Formats.text(indicator, before) + " → " + Formats.text(indicator, now)
                + "（" + Formats.change(indicator, now, before) + "）", relative(now, before)));
    }

    private static double relative(BigDecimal now, BigDecimal before) {
        return now.subtract(before).abs().divide(before.abs(), MathContext.DECIMAL64).doubleValue();
    }

    private static String whole(BigDecimal value) {
        return value.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String signed(BigDecimal difference) {
        return (difference.signum() > 0 ? "+" : "") + whole(difference);
    }

    /** green / amber / red; {@code nodata} when a target is set but there is no figure to judge. */
    private static String status(IndicatorValue figure) {
        String status = figure.status();
        if (IndicatorValue.GREEN.equals(status) || IndicatorValue.AMBER.equals(status)
                || IndicatorValue.RED.equals(status)) {
            return status;
        }
        return NoData.isNoData(figure) ? HeadlineRow.NO_DATA : HeadlineRow.NO_VALUE;
    }

    /** What a figure is called on page 1 and in the mail: {@code name.<ID>.<variant>} when set, else from metrics.md. */
    static String name(Indicator indicator, String variant) {
        String key = variant.isEmpty() ? "name." + indicator.id() : "name." + indicator.id() + "." + variant;
        if (Labels.bundle().containsKey(key)) {
            return Labels.get(key);
        }
        if (variant.isEmpty() || variant.equals("all")) {
            return indicator.chineseName();
        }
        if (indicator.chineseName().contains(" / ")) {
            return Labels.column(indicator.id(), variant);     // 在孵 / 累计孵化 / 出壳: one figure a line
        }
        return indicator.chineseName() + "（" + Labels.column(indicator.id(), variant) + "）";
    }
}
