package cn.sanshe.pipeline.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.PipelineProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ResourceUtils;

/** Health of database, scheduler and inbox; job and step timers and item counts; the failure alert. */
@SpringBootTest(properties = {"pipeline.delivery.operations[0]=ops@test.local",
    // an edition judged against a profile nobody defined: every report run of it fails the same way
    "pipeline.delivery.editions[0].name=no-profile-monthly", "pipeline.delivery.editions[0].scope=130100000000",
    "pipeline.delivery.editions[0].profile=no-such-profile",
    "pipeline.delivery.editions[0].recipients[0].address=reader@test.local"})
class HealthAndMetricsIntegrationTests {

    @Autowired
    HealthReport health;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    ReportRun reports;

    @Autowired
    PipelineProperties paths;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsDatabaseSchedulerAndInbox() throws Exception {
        Files.createDirectories(paths.inbox());

        Map<String, Health> checks = health.check();

        assertThat(checks.get("db").getStatus()).isEqualTo(Status.UP);
        // Commands other than serve keep the scheduler in standby.
        assertThat(checks.get("scheduler").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(checks.get("scheduler").getDetails()).containsEntry("clustered", true);
        assertThat(checks.get("inbox").getStatus()).isEqualTo(Status.UP);
        assertThat(new InboxHealthIndicator(new PipelineProperties(Path.of("target/no-such-inbox"), null, null)).health()
                .getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void timesJobsAndStepsAndCountsTheirItems() throws Exception {
        jdbc.update("DELETE FROM division");
        double writtenBefore = written("divisionLoadJob");

        JobOutcome outcome = divisions.load(ResourceUtils.getFile("classpath:reference/divisions-good-small.csv").toPath())
                .outcome();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(Search.in(meters).name("pipeline.job").tag("job", "divisionLoadJob").tag("status", "COMPLETED")
                .timer().count()).isPositive();
        assertThat(Search.in(meters).name("pipeline.step").tag("job", "divisionLoadJob").timers()).isNotEmpty();
        assertThat(written("divisionLoadJob") - writtenBefore).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aFailedJobIsTimedAsFailedAndOperatorsGetItsStepReasonAndRestartCommand() throws Exception {
        JobOutcome failed = reports.run("2025-05");       // a final period: a period still open is not even launched

        assertThat(failed.succeeded()).isFalse();
        assertThat(Search.in(meters).name("pipeline.job").tag("job", "reportDeliveryJob").tag("status", "FAILED")
                .timer().count()).isPositive();
        // No SMTP host in this context: the alert is an .eml in the outbox.
        Path alert;
        try (Stream<Path> files = Files.list(paths.outbox().resolve("alerts"))) {
            alert = files.filter(f -> f.toString().endsWith("-" + failed.executionId() + ".eml")).findFirst().orElseThrow();
        }
        jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()), Files.newInputStream(alert));
        assertThat(mail.getSubject()).contains("流水线作业失败").contains("reportDeliveryJob");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@test.local");
        assertThat((String) mail.getContent()).contains("失败步骤：生成并发送报表（renderAndDeliverStep）").contains("没有名为 no-such-profile 的目标口径")
                .contains("jobs restart " + failed.executionId());
    }

    private double written(String job) {
        return Search.in(meters).name("pipeline.step.items").tag("job", job).tag("kind", "written").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
