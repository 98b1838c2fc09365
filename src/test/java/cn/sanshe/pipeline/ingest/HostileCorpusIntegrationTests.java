package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.ingest.read.HostileFiles;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly ingest over an inbox of hostile files beside good ones, in a JVM of 512 MB as a
 * modest server would give it: every hostile file refused whole and named with its reason, the
 * job COMPLETED with the good files loaded, the accounting listing each refusal. The corpus is
 * made here (a 200 MB line, five million shared strings ...), nothing big is committed.
 */
@SpringBootTest
class HostileCorpusIntegrationTests {

    static final String OTHER_STREET = "130104001";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    AccountingExport accounting;

    @Value("${pipeline.embedded-db.data-dir}")
    String dataDir;

    @TempDir
    Path inbox;

    @TempDir
    Path work;

    @Test
    void everyHostileFileIsRefusedAndNamedAndTheGoodOnesLoadInHalfAGigabyte() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        Path street = Files.createDirectories(inbox.resolve("2026-10").resolve(STREET));
        Map<String, Path> corpus = HostileFiles.corpus(street);
        writeRoster(street.resolve("花名册.csv"), "工作者", "130102001001", 1);
        writeRoster(Files.createDirectories(inbox.resolve("2026-10").resolve(OTHER_STREET)).resolve("花名册.csv"),
                "职工", "130104001001", 301);

        Process child = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(work.resolve("child.out").toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("ingest ended").isTrue();
        String output = Files.readString(work.resolve("child.out"), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("：完成。").doesNotContain("OutOfMemoryError");
        assertThat(jdbc.queryForObject("""
                SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE i.JOB_NAME = 'ingestJob' ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1""", String.class))
                .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isEqualTo(2 * 50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file WHERE status = 'loaded'", Integer.class))
                .isEqualTo(2);

        Map<String, String> refused = new TreeMap<>();
        jdbc.queryForList("SELECT path, reason FROM ingest_file WHERE status = 'refused'")
                .forEach(row -> refused.put((String) row.get("path"), (String) row.get("reason")));
        Path accountingCsv = work.resolve("accounting.csv");
        accounting.write(accountingCsv);
        Map<String, CSVRecord> lines = new TreeMap<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new java.io.StringReader(Files.readString(accountingCsv).substring(1)))) {
            lines.put(record.get("file"), record);
        }
        for (String name : corpus.keySet()) {
            String path = "2026-10/" + STREET + "/" + name;
            assertThat(refused).as(name).containsKey(path);
            assertThat(refused.get(path)).as(name).isNotBlank()
                    .isNotEqualTo(WorkbookReaders.outOfMemoryReason());
            assertThat(output).as("the run's summary names " + name).contains("拒收 " + path);
            assertThat(lines.get(path).get("status")).isEqualTo("refused");
            assertThat(lines.get(path).get("note")).isEqualTo(refused.get(path));
        }
        assertThat(refused).hasSize(corpus.size());
        System.out.println("hostile corpus refusals:");
        refused.forEach((path, reason) -> System.out.println("  " + path + " : " + reason));
    }

    private static void writeRoster(Path file, String name, String community, int firstSequence) throws Exception {
        StringBuilder csv = new StringBuilder("姓名,身份证号,性别,学历,所属社区代码\n");
        for (int i = 0; i < 50; i++) {
            csv.append(name).append(i).append(',').append(id("19800101", firstSequence + 2 * i)).append(",男,本科,")
                    .append(community).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private List<String> command() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, PipelineApplication.class.getName(), "ingest", "--inbox",
                inbox.toString(),
                // Join this JVM's embedded server instead of wiping it.
                "--pipeline.embedded-db.fresh-start=false", "--pipeline.embedded-db.data-dir=" + dataDir,
                "--logging.file.name=target/hostile-corpus-child.log"));
    }
}
