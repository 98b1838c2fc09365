package cn.sanshe.pipeline.schedule;

import cn.sanshe.pipeline.delivery.DeliveryProperties;
import cn.sanshe.pipeline.delivery.Reminders;
import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.indicators.IndicatorsRun;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import java.time.YearMonth;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The things the schedules run. "The month just ended" is taken in the schedules' time
 * zone at the moment the run starts, so a monthly run that fires late (after a misfire) still
 * reports the month before the one it runs in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class PipelineTasks {

    /**
     * Ingest → reconcile → indicators. The indicators are those the next monthly report run needs:
     * every scope of the month just ended (Beijing time) and of the month before it (an edition's
     * comparison column), for every distinct profile of the monthly editions in
     * {@code jobs/editions.yml} (the default profile for an edition without one). The report run
     * then reuses these stored runs while no input changes ({@code IndicatorService.runOrReuse}).
     * {@code pipeline.indicators.nightly-months} (2) says how many months back from the one just ended.
     */
    @Bean
    ScheduledTask nightlyPipeline(IngestRun ingest, ReconcileRun reconcile, IndicatorsRun indicators,
            DeliveryProperties delivery, ScheduleProperties schedules,
            @Value("${pipeline.indicators.nightly-months:2}") int nightlyMonths) {
        return ScheduledTask.of("nightly-pipeline", () -> {
            JobOutcome ingested = ingest.inbox(null, null).outcome();
            if (!ingested.succeeded()) {
                return outcome(ingested);
            }
            JobOutcome reconciled = reconcile.run(null);
            String done = "ingest #" + ingested.executionId() + " 完成；";
            if (!reconciled.succeeded()) {
                return new ScheduledTask.Outcome(false, done + outcome(reconciled).detail());
            }
            done += "reconcileJob #" + reconciled.executionId() + " 完成";
            List<String> profiles = indicators.profileNames(delivery.editions().stream()
                    .filter(edition -> edition.cadence() == DeliveryProperties.Cadence.MONTHLY)
                    .map(DeliveryProperties.Edition::profile).toList());
            YearMonth ended = YearMonth.now(schedules.zone()).minusMonths(1);
            for (int back = 0; back < Math.max(1, nightlyMonths); back++) {
                JobOutcome computed = indicators.allScopes(ended.minusMonths(back), profiles).outcome();
                done += "；" + outcome(computed).detail() + "（" + ended.minusMonths(back) + "）";
                if (!computed.succeeded()) {
                    return new ScheduledTask.Outcome(false, done);
                }
            }
            return new ScheduledTask.Outcome(true, done);
        });
    }

    /**
     * Every final month not yet sent to everyone, and every delivered month whose figures may have
     * changed (a correction): a month that is not final (grace days, submission threshold:
     * {@code pipeline.report.finality}) is left for a later run.
     */
    @Bean
    ScheduledTask monthlyReports(ReportRun reports, ScheduleProperties schedules) {
        return ScheduledTask.of("monthly-reports", () -> outcomes(reports.runDue(false, YearMonth.now(schedules.zone()))));
    }

    /** The same for the yearly editions (a year is final when its December is). */
    @Bean
    ScheduledTask yearlyReports(ReportRun reports, ScheduleProperties schedules) {
        return ScheduledTask.of("yearly-reports", () -> outcomes(reports.runDue(true, YearMonth.now(schedules.zone()))));
    }

    /** Reminders to streets that have not sent a month's templates (jobs/reminders.yml), each once. */
    @Bean
    ScheduledTask streetReminders(Reminders reminders) {
        return ScheduledTask.of("street-reminders", () -> {
            Reminders.Run run = reminders.run(null);
            return new ScheduledTask.Outcome(run.outcome().succeeded(), outcome(run.outcome()).detail()
                    + "：" + run.headline());
        });
    }

    private static ScheduledTask.Outcome outcomes(java.util.List<JobOutcome> jobs) {
        if (jobs.isEmpty()) {
            return new ScheduledTask.Outcome(true, "没有已截止且待发送或待更正的报表");
        }
        boolean succeeded = jobs.stream().allMatch(JobOutcome::succeeded);
        return new ScheduledTask.Outcome(succeeded, String.join("；", jobs.stream().map(j -> outcome(j).detail()).toList()));
    }

    private static ScheduledTask.Outcome outcome(JobOutcome job) {
        return new ScheduledTask.Outcome(job.succeeded(), job.jobName() + " #" + job.executionId() + " " + job.status()
                + (job.failedStep() == null ? "" : "（" + job.failedStep() + "）"));
    }
}
