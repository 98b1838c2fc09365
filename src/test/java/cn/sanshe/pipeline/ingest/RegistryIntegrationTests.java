package cn.sanshe.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.ingest.registry.RegistryPull;
import cn.sanshe.pipeline.ingest.registry.RegistryPullTasklet;
import cn.sanshe.pipeline.ingest.registry.RegistrySource;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.EmbeddedMariaDb;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** D1 pulled from a district's registration system: a second schema on the embedded MariaDB. */
@SpringBootTest
class RegistryIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedMariaDb server;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IngestRun ingest;

    @TempDir
    Path inbox;

    static String creditCode(String organisation) {
        String first17 = "52130102" + organisation;
        return first17 + CreditCode.checkCharacter(first17);
    }

    @BeforeEach
    void registry() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        jdbc.execute("CREATE DATABASE IF NOT EXISTS registry_130102 CHARACTER SET utf8mb4");
        jdbc.execute("DROP TABLE IF EXISTS registry_130102.org");
        jdbc.execute("""
                CREATE TABLE registry_130102.org (code VARCHAR(20), name VARCHAR(100), kind VARCHAR(20),
                    reg_date DATE, state VARCHAR(4), rep VARCHAR(20))""");
        jdbc.update("INSERT INTO registry_130102.org VALUES (?, '石家庄市长安区阳光助老服务中心', '民办非企业单位', '2019-03-05', '正常', '张敏')",
                creditCode("MA0000011"));
        jdbc.update("INSERT INTO registry_130102.org VALUES (?, '长安区青少年发展促进会', '社会团体', '2020-07-01', '注销', '李强')",
                creditCode("MA0000029"));
        String wrongCheck = creditCode("MA0000037");
        jdbc.update("INSERT INTO registry_130102.org VALUES (?, '长安区邻里互助协会', '社会团体', NULL, '正常', NULL)",
                wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0'));
    }

    RegistrySource source(String query) {
        return new RegistrySource("130102", "jdbc:mysql://127.0.0.1:" + server.port() + "/registry_130102", server.username(), server.password(),
                query);
    }

    @Test
    void aRegistryIsValidatedAndLoadedLikeAFile() throws Exception {
        RegistryPull.Snapshot snapshot = RegistryPull.pull(source("""
                SELECT code AS 统一社会信用代码, name AS 组织名称, kind AS 组织类型, reg_date AS 登记日期,
                       state AS 登记状态, rep AS 法定代表人 FROM org ORDER BY code"""), inbox, YearMonth.of(2026, 10));
        assertThat(snapshot.rows()).isEqualTo(3);

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForList("SELECT org_name FROM stg_d1_org_registry ORDER BY org_name", String.class))
                .containsExactly("石家庄市长安区阳光助老服务中心", "长安区青少年发展促进会");
        assertThat(jdbc.queryForObject("SELECT reg_status FROM stg_d1_org_registry WHERE org_name = '长安区青少年发展促进会'",
                String.class)).isEqualTo("注销");
        assertThat(jdbc.queryForObject("SELECT reasons FROM ingest_reject", String.class)).contains("校验位不符");
        assertThat(jdbc.queryForMap("SELECT template, rows_read, rows_loaded, rows_rejected FROM ingest_sheet"))
                .containsEntry("template", "D1").containsEntry("rows_read", 3).containsEntry("rows_loaded", 2)
                .containsEntry("rows_rejected", 1);
    }

    @Test
    void anUnchangedRegistryIsNotLoadedAgain() throws Exception {
        String query = "SELECT code AS 信用代码, name AS 名称, kind AS 类型, state AS 状态 FROM org ORDER BY code";
        RegistryPull.pull(source(query), inbox, YearMonth.of(2026, 10));
        ingest.inbox(inbox, null);
        RegistryPull.pull(source(query), inbox, YearMonth.of(2026, 10));

        ingest.inbox(inbox, null);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_d1_org_registry", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file", Integer.class)).isOne();
    }

    @Test
    void anUnreachableRegistryIsReportedAndTheOthersGoOn() throws Exception {
        RegistrySource broken = new RegistrySource("130104", "jdbc:mysql://127.0.0.1:1/none", "x", "s3cret-pw", "SELECT 1");
        RegistryPullTasklet tasklet = new RegistryPullTasklet(List.of(broken, source(
                "SELECT code AS 信用代码, name AS 名称, kind AS 类型, state AS 状态 FROM org")), inbox, YearMonth.of(2026, 10));
        StepExecution step = new StepExecution("ingestRegistryStep",
                new JobExecution(1L, new JobInstance(1L, "ingestJob"), new JobParameters()));
        StepContribution contribution = new StepContribution(step);

        tasklet.execute(contribution, null);

        assertThat(contribution.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(contribution.getExitStatus().getExitDescription()).contains("130104").doesNotContain("s3cret-pw");
        assertThat(inbox.resolve("2026-10/130102/登记社会组织名录（数据库）.csv")).exists();
    }
}
