package cn.sanshe.pipeline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ResourceUtils;
import cn.sanshe.pipeline.jobs.JobControl;

@SpringBootTest
class DivisionLoadJobIntegrationTests {

    @Autowired
    DivisionLoader loader;

    @Autowired
    JobControl jobs;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyReference() {
        jdbc.update("DELETE FROM division");
    }

    @Test
    void loadsTheDemoCityWithJurisdictionOnEveryRow() throws Exception {
        DivisionLoader.Result result = loader.load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));

        assertThat(result.outcome().succeeded()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM division")).isEqualTo(212);
        assertThat(count("SELECT COUNT(*) FROM division WHERE level = 'district'")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM division WHERE level = 'street'")).isEqualTo(24);
        assertThat(count("SELECT COUNT(*) FROM division WHERE level = 'community'")).isEqualTo(182);
        assertThat(count("SELECT COUNT(*) FROM division WHERE urban_rural = 'rural'")).isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM division WHERE level = 'community' AND district_code IS NULL"))
                .isZero();
        assertThat(jdbc.queryForMap("SELECT name, parent_code, district_code, street_code FROM division "
                + "WHERE code = '130102001001'"))
                .containsEntry("parent_code", "130102001000")
                .containsEntry("district_code", "130102")
                .containsEntry("street_code", "130102001");
        JobExecution execution = jobs.execution(result.outcome().executionId());
        assertThat(step(execution, "divisionStageStep").getReadCount()).isEqualTo(212);
        assertThat(step(execution, "divisionStageStep").getWriteCount()).isEqualTo(212);
        assertThat(step(execution, "divisionMergeStep").getWriteCount()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM division_load_row")).as("staging emptied").isZero();
    }

    @Test
    void loadingTheSameFileAgainDuplicatesNothing() throws Exception {
        Path file = ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").toPath();
        loader.load(file);
        jdbc.update("UPDATE division SET name = '改过的名字' WHERE code = '980102001001'");

        DivisionLoader.Result again = loader.load(file);

        assertThat(again.outcome().succeeded()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM division")).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT name FROM division WHERE code = '980102001001'", String.class))
                .isEqualTo("东社区");
    }

    @Test
    void refusesAMalformedFileWholeWithLineNumbersAndReasons() throws Exception {
        loader.load(ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").toPath());
        Map<String, Object> before = jdbc.queryForMap("SELECT COUNT(*) AS n, MAX(loaded_at) AS t FROM division");

        DivisionLoader.Result result = loader.load(
                ResourceUtils.getFile("classpath:reference/divisions-bad.csv").toPath());

        assertThat(result.outcome().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(result.outcome().failedStep()).isEqualTo("divisionCheckStep");
        assertThat(result.problems()).containsExactly(
                "第4行：代码“99010200000”应为12位数字，实为11位",
                "第5行：上级代码990103000000既不在本文件中，也不在区划表中",
                "第6行：代码990100000000重复，首次出现在第3行",
                "第8行：社区的城乡类型应为 urban 或 rural，实为“”");
        assertThat(jdbc.queryForMap("SELECT COUNT(*) AS n, MAX(loaded_at) AS t FROM division"))
                .as("nothing of the bad file reached the reference").isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM division WHERE code LIKE '99%'")).isZero();
    }

    @Test
    void refusesAFileWithTheWrongHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wrong-header.csv");
        Files.writeString(file, "代码,名称,级别\n130000000000,河北省,province\n");

        DivisionLoader.Result result = loader.load(file);

        assertThat(result.outcome().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(result.outcome().reason()).contains("第1行表头应为 code,name,level,parent_code,urban_rural");
        assertThat(count("SELECT COUNT(*) FROM division")).isZero();
    }

    @Test
    void aGbkFileAsExcelOnChineseWindowsSavesItLoadsWithItsNames(@TempDir Path dir) throws Exception {
        String utf8 = Files.readString(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"),
                java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        Path gbk = Files.write(dir.resolve("区划-gbk.csv"), utf8.getBytes(java.nio.charset.Charset.forName("GBK")));

        DivisionLoader.Result result = loader.load(gbk);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForObject("SELECT name FROM division WHERE code = '130102001001'", String.class))
                .isEqualTo(utf8.lines().filter(line -> line.startsWith("130102001001,")).findFirst().orElseThrow()
                        .split(",")[1]);
        assertThat(count("SELECT COUNT(*) FROM division WHERE name LIKE '%\uFFFD%'")).isZero();
    }

    @Test
    void aFileInNoSupportedEncodingIsRefusedNotStoredAsReplacementCharacters(@TempDir Path dir) throws Exception {
        // UTF-8 text with a Latin-1 byte in a name: neither clean UTF-8 nor Chinese GBK
        byte[] head = "code,name,level,parent_code,urban_rural\n130000000000,".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "河北省,province,,\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Path file = Files.write(dir.resolve("mixed.csv"), bytes);

        DivisionLoader.Result result = loader.load(file);

        assertThat(result.outcome().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(result.outcome().reason()).startsWith("文件被拒收：区划文件 ").contains("编码");
        assertThat(count("SELECT COUNT(*) FROM division")).isZero();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst()
                .orElseThrow();
    }
}
