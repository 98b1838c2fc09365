package cn.sanshe.pipeline.reports.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The report templates ({@code report-templates/*.jrxml}), compiled once per process on first use.
 * A {@code report-templates} folder in the working directory wins over the copy inside the jar,
 * so a layout change is seen by the next run without a rebuild.
 *
 * <p>Compiling is most of a {@code report} command's own start (the Java compiler runs over every
 * template's expressions), so the compiled templates are kept between runs under
 * {@code pipeline.report.compiled-templates} (default {@code data/report-templates-compiled},
 * readable by the owner only), each under the hash of its source and of the JasperReports
 * library: an edited template or another JasperReports version compiles afresh.
 */
@Component
public class JasperTemplates {

    private static final Logger log = LoggerFactory.getLogger(JasperTemplates.class);
    private static final String FOLDER = "report-templates";

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();
    private final Path cache;

    /** Compiled in memory only (tests). */
    public JasperTemplates() {
        this((Path) null);
    }

    /** {@code pipeline.report.compiled-templates} set empty: compiled in memory only, every run (as before the cache). */
    @Autowired
    public JasperTemplates(@Value("${pipeline.report.compiled-templates:data/report-templates-compiled}") String cache) {
        this(cache == null || cache.isBlank() ? null : Path.of(cache));
    }

    JasperTemplates(Path cache) {
        this.cache = cache;
    }

    public JasperReport get(String name) {
        return compiled.computeIfAbsent(name, this::load);
    }

    private JasperReport load(String name) {
        String file = name + ".jrxml";
        byte[] source = source(file);
        Path kept = cache == null ? null : cache.resolve(name + "-" + key(source) + ".jasper");
        if (kept != null && Files.isRegularFile(kept)) {
            try {
                return (JasperReport) JRLoader.loadObject(kept.toFile());
            } catch (JRException | RuntimeException unreadable) {
                log.warn("compiled template {} unreadable ({}); compiling again", kept, unreadable.toString());
            }
        }
        JasperReport report;
        try {
            report = JasperCompileManager.compileReport(new ByteArrayInputStream(source));
        } catch (JRException e) {
            throw new IllegalStateException("报表模板 " + file + " 无法编译：" + e.getMessage(), e);
        }
        if (kept != null) {
            keep(report, kept);
        }
        return report;
    }

    private static byte[] source(String file) {
        Path local = Path.of(FOLDER, file);
        try (InputStream in = Files.isRegularFile(local) ? Files.newInputStream(local)
                : JasperTemplates.class.getClassLoader().getResourceAsStream(FOLDER + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("报表模板缺失：" + FOLDER + "/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source's hash and the JasperReports library's (its jar's name, with the version). */
    private static String key(byte[] source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(source);
            digest.update(library().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JasperReports jar's file name ({@code jasperreports-7.0.3.jar}): the same whether it is
     * read inside the application's jar or from the extracted one (its whole location is not).
     */
    static String library() {
        String location = String.valueOf(JasperCompileManager.class.getProtectionDomain().getCodeSource().getLocation())
                .replaceFirst("!?/*$", "");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void keep(JasperReport report, Path kept) {
        try {
            Path folder = kept.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                try {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the folder keeps the working directory's permissions
                }
            }
            Path partial = Files.createTempFile(folder, kept.getFileName().toString(), ".part");
            JRSaver.saveObject(report, partial.toFile());
            Files.move(partial, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JRException | RuntimeException e) {
            log.warn("compiled template not kept at {}: {}", kept, e.toString());
        }
    }
}
