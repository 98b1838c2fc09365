package cn.sanshe.pipeline.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Micrometer figures for every job (each job bean gets this listener): {@code pipeline.job}
 * (timer by job and status), {@code pipeline.step} (timer by job, step and status) and
 * {@code pipeline.step.items} (counter by job, step and kind: read, written, filtered, skipped).
 * Steps are measured from their executions when the job ends, so steps built inside a job
 * definition and partitioned workers are counted alike.
 */
public class JobMetrics implements JobExecutionListener, BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    public JobMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        return bean;
    }

    @Override
    public void afterJob(JobExecution execution) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return;
        }
        String job = execution.getJobInstance().getJobName();
        Timer.builder("pipeline.job").description("作业用时").tag("job", job)
                .tag("status", execution.getStatus().name()).register(meters)
                .record(duration(execution.getStartTime(), LocalDateTime.now()));
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStartTime() == null) {
                continue;
            }
            Timer.builder("pipeline.step").description("步骤用时").tag("job", job).tag("step", step.getStepName())
                    .tag("status", step.getStatus().name()).register(meters)
                    .record(duration(step.getStartTime(), step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime()));
            count(meters, job, step, "read", step.getReadCount());
            count(meters, job, step, "written", step.getWriteCount());
            count(meters, job, step, "filtered", step.getFilterCount());
            count(meters, job, step, "skipped", step.getSkipCount());
        }
    }

    private static void count(MeterRegistry meters, String job, StepExecution step, String kind, long amount) {
        Counter.builder("pipeline.step.items").description("步骤处理的条目数").tag("job", job)
                .tag("step", step.getStepName()).tag("kind", kind).register(meters).increment(amount);
    }

    private static Duration duration(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }
}
