package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.identifiers.DivisionCode.Level;
import cn.sanshe.pipeline.indicators.Indicator;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Scope;
import cn.sanshe.pipeline.indicators.Section;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A section's table, chart and trend: every variant of every indicator of the section is a
 * column (metrics.md order), every child unit a line, the scope's total the last line; the chart
 * shows the first column by unit, the trend (yearly) the first column of the scope by month.
 */
final class Sections {

    private record Column(Indicator indicator, String variant) {
    }

    private Sections() {
    }

    static SectionView of(Section section, EditionFigures edition) {
        List<Column> columns = columns(section);
        Scope scope = edition.scope();
        FigureIndex figures = new FigureIndex(edition.values());
        List<String> headers = columns.stream().map(c -> Labels.column(c.indicator().id(), c.variant())).toList();

        List<TableRow> rows = new ArrayList<>();
        for (Scope.Unit child : scope.children()) {
            rows.add(row(child.code(), child.name(), false, columns, figures, edition.period()));
        }
        rows.add(row(scope.code(), Labels.get("table.total"), true, columns, figures, edition.period()));

        Level childLevel = childLevel(scope);
        String childWord = Labels.get("table.unit." + (childLevel == null ? Level.DISTRICT : childLevel).id());
        Column main = columns.get(0);
        Column charted = charted(columns, scope, figures);
        if (charted == null && !scopeHasFigures(columns, main, scope, figures)) {
            charted = main;                // all zero everywhere: the zeros by unit, each labelled
        }
        List<Bar> bars = new ArrayList<>();
        String chartTitle;
        String chartUnit;
        if (charted != null) {
            for (Scope.Unit child : scope.children()) {
                IndicatorValue figure = figures.get(charted.indicator(), charted.variant(), child.code());
                bars.add(new Bar(child.name(), printed(charted.indicator(), figure)));
            }
            chartUnit = chartUnit(charted.indicator());
            chartTitle = Labels.get("chart.byUnit", Labels.column(charted.indicator().id(), charted.variant()),
                    childWord) + unitNote(charted.indicator());
        } else {
            // No unit has a figure of this section other than 0 (a district whose incubators are all
            // the district's own): chart the scope's own figures of the main column's unit instead.
            for (Column column : columns) {
                if (column.indicator().unit().equals(main.indicator().unit())) {
                    IndicatorValue figure = figures.get(column.indicator(), column.variant(), scope.code());
                    if (figure != null && figure.value() != null) {
                        bars.add(new Bar(Labels.column(column.indicator().id(), column.variant()),
                                printed(column.indicator(), figure)));
                    }
                }
            }
            chartUnit = chartUnit(main.indicator());
            chartTitle = Labels.get("chart.scope", Labels.get("section.short." + section.name()),
                    scope.unit().name()) + unitNote(main.indicator());
        }
        if (bars.stream().allMatch(bar -> bar.value() == null)) {
            bars = List.of();              // nothing sent: the chart says 无数据 instead of an empty axis
        }
        List<TrendPoint> trend = List.of();
        String trendTitle = null;
        if (edition.yearly()) {
            trend = trend(main, scope.code(), edition.months());
            trendTitle = Labels.get("chart.trend", Labels.column(main.indicator().id(), main.variant()),
                    edition.period().getYear(), scope.unit().name()) + unitNote(main.indicator());
        }
        return new SectionView(Labels.get("section." + section.name()), childWord, headers, rows, chartTitle, bars,
                trendTitle, trend, chartUnit);
    }

    /**
     * The column the chart shows by unit: the section's main figure, or when no unit has one other
     * than 0, the first column where some unit has; null when none has (then the scope's own figures).
     */
    private static Column charted(List<Column> columns, Scope scope, FigureIndex figures) {
        for (Column column : columns) {
            for (Scope.Unit child : scope.children()) {
                IndicatorValue figure = figures.get(column.indicator(), column.variant(), child.code());
                if (figure != null && figure.value() != null && figure.value().signum() != 0) {
                    return column;
                }
            }
        }
        return null;
    }

    private static boolean scopeHasFigures(List<Column> columns, Column main, Scope scope, FigureIndex figures) {
        for (Column column : columns) {
            IndicatorValue figure = figures.get(column.indicator(), column.variant(), scope.code());
            if (column.indicator().unit().equals(main.indicator().unit()) && figure != null && figure.value() != null
                    && figure.value().signum() != 0) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal printed(Indicator indicator, IndicatorValue figure) {
        return figure == null ? null : Formats.printed(indicator, figure.value());
    }

    /** What the chart's value labels end with: % for a rate, nothing else (the unit is in the title). */
    private static String chartUnit(Indicator indicator) {
        return indicator.isRatio() ? "%" : "";
    }

    private static String unitNote(Indicator indicator) {
        return "（" + (indicator.isRatio() ? "%" : Formats.unit(indicator)) + "）";
    }

    static Level childLevel(Scope scope) {
        return scope.children().isEmpty() ? null : scope.children().get(0).level();
    }

    private static List<Column> columns(Section section) {
        List<Column> columns = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            if (indicator.section() == section) {
                indicator.variants().forEach(variant -> columns.add(new Column(indicator, variant)));
            }
        }
        if (columns.size() > SectionView.MAX_COLUMNS) {
            throw new IllegalStateException(section + " has more columns than a table holds");
        }
        return columns;
    }

    private static TableRow row(String code, String name, boolean total, List<Column> columns, FigureIndex figures,
            YearMonth month) {
        List<Cell> cells = new ArrayList<>();
        for (Column column : columns) {
            IndicatorValue figure = figures.get(column.indicator(), column.variant(), code);
            cells.add(figure == null ? new Cell(Formats.NONE, null, null)
                    : new Cell(Formats.cell(column.indicator(), figure), figure.status(),
                            ExplainLink.of(month, code, column.indicator(), column.variant())));
        }
        return new TableRow(code, name, total, cells);
    }

    private static List<TrendPoint> trend(Column main, String scope, Map<YearMonth, List<IndicatorValue>> months) {
        List<TrendPoint> points = new ArrayList<>();
        months.forEach((month, values) -> {
            IndicatorValue figure = new FigureIndex(values).get(main.indicator(), main.variant(), scope);
            BigDecimal value = figure == null || NoData.isNoData(figure) || !DataPresence.hasData(values, scope) ? null
                    : Formats.printed(main.indicator(), figure.value());
            if (value != null) {            // the trend runs over the months that have data only
                points.add(new TrendPoint(month.getMonthValue() + "月", value));
            }
        });
        return points;
    }
}
