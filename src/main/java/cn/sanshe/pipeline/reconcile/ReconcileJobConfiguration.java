package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.reconcile.conflict.ConflictDetector;
import cn.sanshe.pipeline.reconcile.link.SupersededSheets;
import cn.sanshe.pipeline.reconcile.survive.Survivorship;
import java.util.function.IntSupplier;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code reconcileJob}: link organization rows ({@code reconcileOrgStep}) and worker rows
 * ({@code reconcileWorkerStep}) by district, mark dirty the masters of rows a resent sheet replaced
 * ({@code reconcileSupersededStep}), recompute the masters whose rows changed
 * ({@code reconcileSurvivorshipStep}), open conflicts ({@code reconcileConflictStep}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcileProperties.class)
class ReconcileJobConfiguration {

    static final String JOB_NAME = "reconcileJob";

    @Bean
    Job reconcileJob(JobRepository jobRepository, Step reconcileOrgStep, Step reconcileWorkerStep,
            Step reconcileSupersededStep, Step reconcileSurvivorshipStep, Step reconcileConflictStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(reconcileOrgStep)
                .next(reconcileWorkerStep)
                .next(reconcileSupersededStep)
                .next(reconcileSurvivorshipStep)
                .next(reconcileConflictStep)
                .build();
    }

    /**
     * Its own step, committed before survivorship: the masters it marks dirty stay locked until its
     * transaction ends, and survivorship's batches update those very masters.
     */
    @Bean
    Step reconcileSupersededStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SupersededSheets supersededSheets) {
        return oneCall("reconcileSupersededStep", jobRepository, transactionManager, supersededSheets::markMastersDirty);
    }

    /** Its batches commit on their own; the step's transaction only frames the bookkeeping. */
    @Bean
    Step reconcileSurvivorshipStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Survivorship survivorship) {
        return oneCall("reconcileSurvivorshipStep", jobRepository, transactionManager, survivorship::recomputeDirty);
    }

    /** A step that makes one call and counts what it returns as written. */
    private static Step oneCall(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
            IntSupplier call) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, context) -> {
                    contribution.incrementWriteCount(call.getAsInt());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step reconcileConflictStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc) {
        return new StepBuilder("reconcileConflictStep", jobRepository)
                .tasklet(new ConflictDetector(jdbc), transactionManager)
                .build();
    }
}
