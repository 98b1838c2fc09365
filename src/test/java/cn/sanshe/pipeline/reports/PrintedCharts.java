package cn.sanshe.pipeline.reports;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;

/**
 * The charts of a filled dashboard as JasperReports laid them out: each page's chart images, and
 * for each the JFreeChart it draws — its title and its figures by category, exactly what ends up
 * as bars and points in the PDF.
 */
record PrintedCharts(List<Chart> charts) {

    /** A chart on a page: title, and value by category (null where nothing is drawn). */
    record Chart(int page, String title, Map<String, BigDecimal> values) {
    }

    static PrintedCharts of(JasperPrint print) {
        List<Chart> charts = new ArrayList<>();
        List<JRPrintPage> pages = print.getPages();
        for (int p = 0; p < pages.size(); p++) {
            collect(pages.get(p).getElements(), p + 1, charts);
        }
        return new PrintedCharts(charts);
    }

    private static void collect(List<JRPrintElement> elements, int page, List<Chart> charts) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintFrame frame) {
                collect(frame.getElements(), page, charts);
            } else if (element instanceof JRPrintImage image && image.getRenderer() != null) {
                JFreeChart chart = chart(image.getRenderer());
                if (chart != null && chart.getPlot() instanceof CategoryPlot plot) {
                    Map<String, BigDecimal> values = new LinkedHashMap<>();
                    CategoryDataset data = plot.getDataset();
                    for (int c = 0; data != null && c < data.getColumnCount(); c++) {
                        Number value = data.getRowCount() == 0 ? null : data.getValue(0, c);
                        values.put(String.valueOf(data.getColumnKey(c)),
                                value == null ? null : new BigDecimal(value.toString()));
                    }
                    charts.add(new Chart(page, chart.getTitle() == null ? "" : chart.getTitle().getText(), values));
                }
            }
        }
    }

    /** The JFreeChart a chart image's renderer draws (the renderer keeps it in a field). */
    private static JFreeChart chart(Object renderer) {
        for (Class<?> type = renderer.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (JFreeChart.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        return (JFreeChart) field.get(renderer);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }
}
