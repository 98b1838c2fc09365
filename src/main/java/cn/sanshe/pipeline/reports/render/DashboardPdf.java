package cn.sanshe.pipeline.reports.render;

import cn.sanshe.pipeline.reports.layout.Cell;
import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.Labels;
import cn.sanshe.pipeline.reports.layout.SectionView;
import cn.sanshe.pipeline.reports.layout.TableRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import org.springframework.stereotype.Component;

/** Fills the dashboard templates with a {@link Dashboard} and exports the PDF. */
@Component
public class DashboardPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JasperTemplates templates;

    /** Where the console answers, for the links of the PDF's figures (pipeline.console.address). */
    private String consoleAddress = "http://127.0.0.1:8080";

    public DashboardPdf(JasperTemplates templates) {
        this.templates = templates;
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setConsoleAddress(@org.springframework.beans.factory.annotation.Value("${pipeline.console.address:http://127.0.0.1:8080}")
            String address) {
        this.consoleAddress = address == null || address.isBlank() ? null : address.replaceFirst("/+$", "");
    }

    /** The two costs of a render, for the benchmark: filling the templates and writing the PDF. */
    public record Timing(long fillNanos, long exportNanos, int pages) {
    }

    /** The filled pages, before export: what the tests read the charts' data from. */
    public JasperPrint fill(Dashboard dashboard) {
        try {
            return JasperFillManager.fillReport(templates.get("dashboard"), parameters(dashboard), blocks(dashboard));
        } catch (JRException e) {
            throw new IllegalStateException("报表生成失败：" + e.getMessage(), e);
        }
    }

    public Timing write(Dashboard dashboard, Path pdf) {
        try {
            long start = System.nanoTime();
            JasperPrint print = fill(dashboard);
            long filled = System.nanoTime();
            Files.createDirectories(pdf.toAbsolutePath().getParent());
            Path partial = pdf.resolveSibling(pdf.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                JRPdfExporter exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
                configuration.setMetadataTitle(dashboard.title());
                configuration.setMetadataCreator("sanshe-pipeline");
                configuration.setDisplayMetadataTitle(true);
                exporter.setConfiguration(configuration);
                exporter.exportReport();
            }
            // A reader (a mail, a person) never sees half a PDF.
            Files.move(partial, pdf, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Timing(filled - start, System.nanoTime() - filled, print.getPages().size());
        } catch (JRException e) {
            throw new IllegalStateException("报表生成失败：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> parameters(Dashboard dashboard) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", dashboard.title());
        parameters.put("SUBTITLE", dashboard.subtitle());
        // the links cannot be seen on paper or screen: page 1 says that every figure has one
        parameters.put("LEGEND", consoleAddress == null ? dashboard.legend()
                : dashboard.legend() + Labels.get("legend.links"));
        parameters.put("YEARLY", dashboard.yearly());
        parameters.put("CUTOFF", time(dashboard.cutoff()));
        parameters.put("GENERATED", time(dashboard.generated()));
        parameters.put("HEADLINE", maps(dashboard.headline()));
        parameters.put("CONSOLE", consoleAddress);
        parameters.put("HEADLINE_REPORT", templates.get("headline"));
        parameters.put("CONTEXT", maps(dashboard.context()));
        parameters.put("CONTEXT_REPORT", templates.get("context"));
        parameters.put("BANNER", dashboard.banner());
        parameters.put("FIRST_BREAK", !dashboard.sections().isEmpty()
                && !firstSectionFits(dashboard, dashboard.sections().get(0)));
        parameters.put("MARK", switch (dashboard.marking().kind()) {
            case PROVISIONAL -> Labels.get("mark.provisional");
            case CORRECTION -> Labels.get("mark.correction");
            default -> null;
        });
        parameters.put("VERDICT", dashboard.verdict());
        parameters.put("CHANGES", dashboard.marking().changes().isEmpty() ? null
                : String.join("\n", dashboard.marking().changes().stream().map(c -> c.line()).toList()));
        parameters.put("TABLE_REPORT", templates.get("section-table"));
        parameters.put("STREETS_REPORT", templates.get("streets"));
        parameters.put("REPORT_LOCALE", Labels.LOCALE);
        return parameters;
    }

    private static String time(LocalDateTime time) {
        return time == null ? "—" : TIME.format(time);
    }

    private static JRDataSource blocks(Dashboard dashboard) {
        List<Map<String, ?>> blocks = new ArrayList<>();
        for (SectionView section : dashboard.sections()) {
            Map<String, Object> block = section("section", section, null);
            block.put("breakBefore", blocks.isEmpty() && !firstSectionFits(dashboard, section));
            blocks.add(block);
        }
        Map<String, Object> quality = section("quality", dashboard.quality(), Labels.get("annex.note"));
        quality.put("breakBefore", false);
        blocks.add(quality);
        Map<String, Object> streets = new HashMap<>();
        streets.put("kind", "streets");
        streets.put("breakBefore", false);
        streets.put("title", dashboard.streetsTitle());
        streets.put("rows", maps(dashboard.streets()));
        blocks.add(streets);
        return new JRMapCollectionDataSource(blocks);
    }

    /** The usable height of a page: A4 less margins, page header and footer (dashboard.jrxml). */
    private static final int PAGE_BODY = 842 - 28 - 24 - 22 - 22;

    /**
     * Whether the first section fits under page 1 whole (title, verdict, headline rows, corrections,
     * context, legend), estimated from the templates' heights: if not it starts page 2, so a table
     * is never left on page 1 with its chart on the next.
     */
    static boolean firstSectionFits(Dashboard dashboard, SectionView section) {
        int page1 = 222 + (dashboard.banner() == null ? 0 : 26)
                + (dashboard.headline().isEmpty() ? 0 : 24 + 17 * dashboard.headline().size())
                + (dashboard.marking().changes().isEmpty() ? 0 : 22 + 12 * dashboard.marking().changes().size());
        int first = 225 + 14 * section.rows().size();     // title, header, lines, chart (looked at: fits to a few pt)
        return page1 + first <= PAGE_BODY;
    }

    private static Map<String, Object> section(String kind, SectionView section, String note) {
        Map<String, Object> block = new HashMap<>();
        block.put("kind", kind);
        block.put("title", section.title());
        block.put("note", note);
        block.put("headers", section.headers());
        block.put("unitHeader", section.unitHeader());
        block.put("rows", rows(section.rows()));
        block.put("chartTitle", section.chartTitle());
        // the series key carries the unit to the chart's value labels (ChartStyle)
        String series = "v" + (section.chartUnit() == null ? "" : section.chartUnit());
        block.put("bars", withSeries(maps(section.bars()), series));
        block.put("trendTitle", section.trendTitle());
        block.put("trend", withSeries(maps(section.trend()), series));
        return block;
    }

    /*
     * Every list goes to the templates as a collection, and each template makes its own data source
     * from it where it is used: a band that does not fit a page is filled again on the next, and a
     * data source made once would be used up by then (the empty charts of district editions).
     */
    private static List<Map<String, ?>> rows(List<TableRow> rows) {
        List<Map<String, ?>> maps = new ArrayList<>();
        for (TableRow row : rows) {
            Map<String, Object> map = new HashMap<>();
            map.put("unit", row.unit());
            map.put("total", row.total());
            List<Cell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                map.put("c" + (i + 1), cells.get(i).text());
                map.put("k" + (i + 1), cells.get(i).status());
                map.put("l" + (i + 1), cells.get(i).link());
            }
            maps.add(map);
        }
        return maps;
    }

    private static List<Map<String, ?>> withSeries(List<Map<String, ?>> points, String series) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (Map<String, ?> point : points) {
            Map<String, Object> copy = new HashMap<>(point);
            copy.put("series", series);
            out.add(copy);
        }
        return out;
    }

    /** Records as maps: each record's components are its fields, by name. */
    private static List<Map<String, ?>> maps(List<? extends Record> records) {
        List<Map<String, ?>> maps = new ArrayList<>();
        for (Record record : records) {
            Map<String, Object> map = new HashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    map.put(component.getName(), component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            maps.add(map);
        }
        return maps;
    }
}
