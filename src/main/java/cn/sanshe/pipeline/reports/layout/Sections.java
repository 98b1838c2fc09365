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
        List<Bar> bars = new ArrayList<>();
        Column main = columns.get(0);
        for (Scope.Unit child : scope.children()) {
            rows.add(row(child.code(), child.name(), false, columns, figures));
            IndicatorValue figure = figures.get(main.indicator(), main.variant(), child.code());
            bars.add(new Bar(child.name(), Formats.printed(main.indicator(), figure == null ? null : figure.value())));
        }
        rows.add(row(scope.code(), Labels.get("table.total"), true, columns, figures));

        Level childLevel = childLevel(scope);
        String childWord = Labels.get("table.unit." + (childLevel == null ? Level.DISTRICT : childLevel).id());
        String mainName = Labels.column(main.indicator().id(), main.variant());
        String chartTitle = Labels.get("chart.byUnit", mainName, childWord);
        List<TrendPoint> trend = List.of();
        String trendTitle = null;
        if (edition.yearly()) {
            trend = trend(main, scope.code(), edition.months());
            trendTitle = Labels.get("chart.trend", mainName, edition.period().getYear(), scope.unit().name());
        }
        return new SectionView(Labels.get("section." + section.name()), childWord, headers, rows, chartTitle, bars, trendTitle,
                trend);
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

    private static TableRow row(String code, String name, boolean total, List<Column> columns, FigureIndex figures) {
        List<Cell> cells = new ArrayList<>();
        for (Column column : columns) {
            IndicatorValue figure = figures.get(column.indicator(), column.variant(), code);
            cells.add(figure == null ? new Cell(Formats.NONE, null)
                    : new Cell(Formats.text(column.indicator(), figure.value()), figure.status()));
        }
        return new TableRow(code, name, total, cells);
    }

    private static List<TrendPoint> trend(Column main, String scope, Map<YearMonth, List<IndicatorValue>> months) {
        List<TrendPoint> points = new ArrayList<>();
        months.forEach((month, values) -> {
            IndicatorValue figure = new FigureIndex(values).get(main.indicator(), main.variant(), scope);
            BigDecimal value = figure == null || !DataPresence.hasData(values, scope) ? null
                    : Formats.printed(main.indicator(), figure.value());
            points.add(new TrendPoint(month.getMonthValue() + "月", value));
        });
        return points;
    }
}
