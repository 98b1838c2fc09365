package cn.sanshe.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code demo} as the README's first command runs it, twice: the second run duplicates nothing. */
@SpringBootTest
class DemoCommandIntegrationTests {

    // Set in src/test/resources/config/application.yml.
    static final Path INBOX = Path.of("target/test-work/inbox");
    static final Path REPORTS = Path.of("target/test-work/reports");
    static final Path OUTBOX = Path.of("target/test-work/outbox");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnEmptyDefaultsAndAgainWithoutDuplicating() throws IOException {
        deleteRecursively(INBOX);
        deleteRecursively(REPORTS);
        deleteRecursively(OUTBOX);
        jdbc.update("DELETE FROM division");

        StringWriter first = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(first, true), new PrintWriter(new StringWriter()));

        assertThat(status).as(first.toString()).isZero();
        assertThat(first.toString()).contains("已加载示范城市区划", "已生成示范收件箱", "报表与发送（2026-10）",
                "报表与发送（2026）", "sjz-city-monthly", "director@mz.sjz.example", "已发送");
        assertThat(REPORTS.resolve("2026-10/130100000000/石家庄市三社联动监测月报（2026年10月）.pdf")).isNotEmptyFile();
        assertThat(REPORTS.resolve("2026-10/130100000000/kpis.json")).isNotEmptyFile();
        assertThat(REPORTS.resolve("2026/130100000000/石家庄市三社联动监测年报（2026年）.pdf")).isNotEmptyFile();
        assertThat(REPORTS.resolve("2026-10/130102000000/长安区三社联动监测月报（2026年10月）.pdf")).isNotEmptyFile();
        // one mail per edition and recipient: city monthly 2, four districts 1 each, city yearly 1
        assertThat(files(OUTBOX)).filteredOn(f -> f.toString().endsWith(".eml")).hasSize(7);
        assertThat(count("SELECT COUNT(*) FROM division")).isEqualTo(212);
        List<Path> files = files(INBOX);
        assertThat(files).isNotEmpty();
        assertThat(files).allSatisfy(file -> assertThat(INBOX.relativize(file).getName(0).toString())
                .isIn("2026-09", "2026-10"));
        assertThat(files.stream().map(file -> INBOX.relativize(file).getName(1).toString()).distinct())
                .as("every street and district sends").hasSize(24 + 4);
        int loads = count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'divisionLoadJob'");

        StringWriter second = new StringWriter();
        assertThat(CommandLineFrame.execute(new PrintWriter(second, true), new PrintWriter(new StringWriter()), "demo"))
                .isZero();

        assertThat(second.toString()).contains("跳过加载", "使用已有收件箱");
        // The console's demo users, one per role and level, printed with how to log in and made once.
        assertThat(first.toString()).contains("http://127.0.0.1:8080/", "demo-steward-street / demo-steward-street-pw");
        assertThat(count("SELECT COUNT(*) FROM console_user WHERE username LIKE 'demo-%'")).isEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM division")).isEqualTo(212);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'divisionLoadJob'"))
                .isEqualTo(loads);
        assertThat(files(INBOX)).isEqualTo(files);
        assertThat(files(OUTBOX)).as("nobody is sent a dashboard twice").filteredOn(f -> f.toString().endsWith(".eml"))
                .hasSize(7);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
