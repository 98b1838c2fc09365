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

    public Timing write(Dashboard dashboard, Path pdf) {
        try {
            long start = System.nanoTime();
            JasperPrint print = JasperFillManager.fillReport(templates.get("dashboard"), parameters(dashboard), blocks(dashboard));
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
        parameters.put("LEGEND", dashboard.legend());
        parameters.put("YEARLY", dashboard.yearly());
        parameters.put("CUTOFF", time(dashboard.cutoff()));
        parameters.put("GENERATED", time(dashboard.generated()));
        parameters.put("HEADLINE", records(dashboard.headline()));
        parameters.put("CONSOLE", consoleAddress);
        parameters.put("HEADLINE_REPORT", templates.get("headline"));
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
            blocks.add(section("section", section, null));
        }
        blocks.add(section("quality", dashboard.quality(), Labels.get("annex.note")));
        Map<String, Object> streets = new HashMap<>();
        streets.put("kind", "streets");
        streets.put("title", dashboard.streetsTitle());
        streets.put("rows", records(dashboard.streets()));
        blocks.add(streets);
        return new JRMapCollectionDataSource(blocks);
    }

    private static Map<String, ?> section(String kind, SectionView section, String note) {
        Map<String, Object> block = new HashMap<>();
        block.put("kind", kind);
        block.put("title", section.title());
        block.put("note", note);
        block.put("headers", section.headers());
        block.put("unitHeader", section.unitHeader());
        block.put("rows", rows(section.rows()));
        block.put("chartTitle", section.chartTitle());
        block.put("bars", records(section.bars()));
        block.put("trendTitle", section.trendTitle());
        block.put("trend", records(section.trend()));
        return block;
    }

    private static JRDataSource rows(List<TableRow> rows) {
        List<Map<String, ?>> maps = new ArrayList<>();
        for (TableRow row : rows) {
            Map<String, Object> map = new HashMap<>();
            map.put("unit", row.unit());
            map.put("total", row.total());
            List<Cell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                map.put("c" + (i + 1), cells.get(i).text());
                map.put("k" + (i + 1), cells.get(i).status());
            }
            maps.add(map);
        }
        return new JRMapCollectionDataSource(maps);
    }

    /** A data source over records: each record's components are its fields, by name. */
    private static JRDataSource records(List<? extends Record> records) {
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
        return new JRMapCollectionDataSource(maps);
    }
}
