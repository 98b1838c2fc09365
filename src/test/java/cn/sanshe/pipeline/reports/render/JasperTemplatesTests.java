package cn.sanshe.pipeline.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled templates are kept between runs: a second process (here, a second instance) reads the
 * kept template instead of compiling; the key names the library by its jar's file name, so the
 * application's jar and its extracted copy share the kept templates.
 */
class JasperTemplatesTests {

    @Test
    void aCompiledTemplateIsKeptAndReadBackByTheNextRun(@TempDir Path cache) throws Exception {
        var first = new JasperTemplates(cache).get("headline");
        List<Path> kept;
        try (Stream<Path> files = Files.list(cache)) {
            kept = files.toList();
        }
        assertThat(kept).singleElement().satisfies(file -> assertThat(file.getFileName().toString())
                .matches("headline-[0-9a-f]{24}\\.jasper"));
        assertThat(Files.getPosixFilePermissions(cache)).hasSize(3);

        long before = Files.getLastModifiedTime(kept.get(0)).toMillis();
        var second = new JasperTemplates(cache).get("headline");
        assertThat(second.getName()).isEqualTo(first.getName());
        assertThat(second.getParameters()).hasSameSizeAs(first.getParameters());
        assertThat(Files.getLastModifiedTime(kept.get(0)).toMillis()).as("read, not written again").isEqualTo(before);
        assertThat(JasperTemplates.library()).matches("jasperreports-[0-9.]+.*\\.jar");
    }
}
