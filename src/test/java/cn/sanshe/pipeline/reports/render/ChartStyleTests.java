package cn.sanshe.pipeline.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** The bar charts' style as JasperReports hands the chart over: units, axis room, crowded axes. */
class ChartStyleTests {

    private static CategoryPlot styled(int units, double value) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < units; i++) {
            data.addValue(value, "v%", "单位" + i);
        }
        JFreeChart chart = ChartFactory.createBarChart("", "", "", data);
        new ChartStyle().customize(chart, null);
        return chart.getCategoryPlot();
    }

    @Test
    void aFewUnitsKeepLevelLabelsAndAnAxisThatFitsTheLargestValue() {
        CategoryPlot plot = styled(ChartStyle.CROWDED, 80);

        assertThat(plot.getDomainAxis().getCategoryLabelPositions()).isNotEqualTo(CategoryLabelPositions.UP_90);
        assertThat(plot.getRenderer().getDefaultPositiveItemLabelPosition().getAngle()).isZero();
        assertThat(plot.getRenderer().getDefaultItemLabelGenerator().generateLabel(plot.getDataset(), 0, 0)).isEqualTo("80.0%");
        assertThat(((NumberAxis) plot.getRangeAxis()).getUpperBound()).isGreaterThan(80 * 1.15);
    }

    @Test
    void theCountrysProvincesStandTheirLabelsUpright() {
        CategoryPlot plot = styled(31, 80);

        assertThat(plot.getDomainAxis().getCategoryLabelPositions()).isEqualTo(CategoryLabelPositions.UP_90);
        assertThat(plot.getRenderer().getDefaultPositiveItemLabelPosition().getAngle()).isEqualTo(-Math.PI / 2);
        assertThat(plot.getRenderer().getDefaultItemLabelFont().getSize2D()).isLessThan(8f);
        // room above the bars for an upright label
        assertThat(((NumberAxis) plot.getRangeAxis()).getUpperBound()).isGreaterThanOrEqualTo(80 * 1.35);
    }
}
