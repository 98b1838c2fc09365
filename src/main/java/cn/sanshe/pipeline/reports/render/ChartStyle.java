package cn.sanshe.pipeline.reports.render;

import java.awt.Font;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.chart.ui.TextAnchor;

/**
 * The dashboards' charts: value labels with their unit (97.8%), an axis from 0 that fits the
 * largest value with room for its label, whole-number ticks for counts. The unit comes in as the
 * series key ({@code v%} for a rate, {@code v} for a count), the templates' one dynamic channel.
 */
public class ChartStyle implements JRChartCustomizer {

    /** More units than this on one axis and level labels no longer fit beside each other. */
    static final int CROWDED = 12;

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (!(chart.getPlot() instanceof CategoryPlot plot)) {
            return;
        }
        CategoryDataset data = plot.getDataset();
        String unit = "";
        double max = 0;
        if (data != null && data.getRowCount() > 0) {
            unit = String.valueOf(data.getRowKey(0)).substring(1);
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int c = 0; c < data.getColumnCount(); c++) {
                    Number value = data.getValue(r, c);
                    if (value != null) {
                        max = Math.max(max, value.doubleValue());
                    }
                }
            }
        }
        boolean integers = !unit.equals("%") && isWhole(data);
        NumberFormat format = integers ? new DecimalFormat("#,##0") : new DecimalFormat("#,##0.0");
        CategoryItemRenderer renderer = plot.getRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}" + unit, format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(renderer.getDefaultItemLabelFont() == null
                ? new Font("WenQuanYi Micro Hei", Font.PLAIN, 8) : renderer.getDefaultItemLabelFont().deriveFont(8f));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        // Many units on one axis (the country's 31 provinces, a large province's cities): level labels
        // ran into each other. Value labels stand upright on their bars, names read bottom to top.
        boolean crowded = data != null && data.getColumnCount() > CROWDED;
        if (crowded) {
            renderer.setDefaultItemLabelFont(renderer.getDefaultItemLabelFont().deriveFont(6.5f));
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                    TextAnchor.CENTER_LEFT, TextAnchor.CENTER_LEFT, -Math.PI / 2));
            CategoryAxis names = plot.getDomainAxis();
            names.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            names.setMaximumCategoryLabelWidthRatio(1.5f);
            if (names.getTickLabelFont() != null) {
                names.setTickLabelFont(names.getTickLabelFont().deriveFont(7f));
            }
        }
        if (plot.getRangeAxis() instanceof NumberAxis axis) {
            double upper = max <= 0 ? 1 : max * (crowded ? 1.35 : 1.18);
            if (unit.equals("%") && max <= 100) {
                upper = Math.max(upper, Math.min(115, Math.max(max * 1.18, 10)));
            }
            axis.setRange(0, upper);
            if (integers) {
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
        }
    }

    private static boolean isWhole(CategoryDataset data) {
        if (data == null) {
            return true;
        }
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number value = data.getValue(r, c);
                if (value != null && value.doubleValue() != Math.rint(value.doubleValue())) {
                    return false;
                }
            }
        }
        return true;
    }
}
