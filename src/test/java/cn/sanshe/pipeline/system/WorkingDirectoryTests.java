package cn.sanshe.pipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.PipelineApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command run from a folder without jobs/ says so in one line, before anything starts. */
class WorkingDirectoryTests {

    @TempDir
    Path elsewhere;

    @Test
    void aFolderWithoutJobsIsRefusedUnlessAConfigurationIsNamed() {
        assertThatCode(() -> WorkingDirectory.check(Path.of(""), List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> WorkingDirectory.check(elsewhere, List.of()))
                .hasMessageContaining("下没有 jobs/ 文件夹");
        assertThatCode(() -> WorkingDirectory.check(elsewhere, List.of("--spring.config.additional-location=/etc/sanshe/")))
                .doesNotThrowAnyException();
    }

    @Test
    void aCommandRunFromElsewhereRefusesInOneLineWithoutStartingTheDatabase() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, PipelineApplication.class.getName(), "jobs", "list")
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().filter(line -> line.startsWith("用法错误：")).toList()).singleElement()
                .asString().contains("下没有 jobs/ 文件夹");
        try (var files = Files.list(elsewhere)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .as("no data, inbox or log folder made there").doesNotContain("data", "inbox");
        }
    }
}
