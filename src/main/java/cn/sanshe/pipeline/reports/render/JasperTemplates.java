package cn.sanshe.pipeline.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import org.springframework.stereotype.Component;

/**
 * The report templates ({@code report-templates/*.jrxml}), compiled once per process on first use.
 * A {@code report-templates} folder in the working directory wins over the copy inside the jar,
 * so a layout change is seen by the next run without a rebuild.
 */
@Component
public class JasperTemplates {

    private static final String FOLDER = "report-templates";

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    public JasperReport get(String name) {
        return compiled.computeIfAbsent(name, JasperTemplates::compile);
    }

    private static JasperReport compile(String name) {
        String file = name + ".jrxml";
        Path local = Path.of(FOLDER, file);
        try (InputStream in = Files.isRegularFile(local) ? Files.newInputStream(local)
                : JasperTemplates.class.getClassLoader().getResourceAsStream(FOLDER + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("报表模板缺失：" + FOLDER + "/" + file);
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException e) {
            throw new IllegalStateException("报表模板 " + file + " 无法编译：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
