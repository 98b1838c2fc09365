package cn.sanshe.pipeline.schedule;

import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import java.time.Year;
import java.time.YearMonth;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three things the schedules run. "The month just ended" is taken in the schedules' time
 * zone at the moment the run starts, so a monthly run that fires late (after a misfire) still
 * reports the month before the one it runs in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class PipelineTasks {

    @Bean
    ScheduledTask nightlyPipeline(IngestRun ingest, ReconcileRun reconcile) {
        return ScheduledTask.of("nightly-pipeline", () -> {
            JobOutcome ingested = ingest.inbox(null, null).outcome();
            if (!ingested.succeeded()) {
                return outcome(ingested);
            }
            JobOutcome reconciled = reconcile.run(null);
            return new ScheduledTask.Outcome(reconciled.succeeded(),
                    "ingest #" + ingested.executionId() + " 完成；" + outcome(reconciled).detail());
        });
    }

    @Bean
    ScheduledTask monthlyReports(ReportRun reports, ScheduleProperties schedules) {
        return ScheduledTask.of("monthly-reports", () -> outcome(reports.runMonth(YearMonth.now(schedules.zone()).minusMonths(1))));
    }

    @Bean
    ScheduledTask yearlyReports(ReportRun reports, ScheduleProperties schedules) {
        return ScheduledTask.of("yearly-reports", () -> outcome(reports.runYear(Year.now(schedules.zone()).getValue() - 1)));
    }

    private static ScheduledTask.Outcome outcome(JobOutcome job) {
        return new ScheduledTask.Outcome(job.succeeded(), job.jobName() + " #" + job.executionId() + " " + job.status()
                + (job.failedStep() == null ? "" : "（" + job.failedStep() + "）"));
    }
}
