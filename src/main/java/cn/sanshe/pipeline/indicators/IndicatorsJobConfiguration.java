package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.identifiers.DivisionCode;
import cn.sanshe.pipeline.jobs.JobText;
import cn.sanshe.pipeline.partition.DistrictPartitions;
import cn.sanshe.pipeline.partition.Parallelism;
import cn.sanshe.pipeline.system.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code indicatorsJob}: the figures of a month for every scope — the root, each province, city
 * and district ({@link AllScopes#everyScope()}), or the scopes asked for — one partition per scope
 * ({@code indicatorsScopeStep:scope-130000000000}), each computing and storing one run per target
 * profile in one transaction. Partitioned like ingest and reconcile ({@link DistrictPartitions}):
 * a local pool of {@code pipeline.indicators.parallel-scopes} (one per processor by default) or
 * {@code worker} processes over the broker; the root and provinces, the largest, start first. A
 * restart after a failed scope computes that scope again, and only it.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorsJobConfiguration {

    static final String JOB_NAME = "indicatorsJob";
    static final String WORKER_STEP = "indicatorsScopeStep";
    /** The execution-context keys of a scope partition: its 12-digit code, and the run ids it stored. */
    static final String SCOPE = "scope";
    static final String RUN_IDS = "runIds";

    @Bean
    Job indicatorsJob(JobRepository jobRepository, Step indicatorsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(indicatorsStep).build();
    }

    @Bean
    Step indicatorsStep(JobRepository jobRepository, Step indicatorsScopeStep, Partitioner indicatorScopes,
            DistrictPartitions partitions, @Value("${pipeline.indicators.parallel-scopes:0}") int parallelScopes) {
        return new StepBuilder("indicatorsStep", jobRepository)
                .partitioner(indicatorsScopeStep.getName(), indicatorScopes)
                .partitionHandler(partitions.handler(indicatorsScopeStep, Parallelism.of(parallelScopes), "indicators-",
                        LARGEST_FIRST))
                .build();
    }

    /** A Step bean of its own, so a remote worker finds it by name. */
    @Bean
    Step indicatorsScopeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            IndicatorService indicators, JdbcTemplate jdbc, Places places) {
        return new StepBuilder(WORKER_STEP, jobRepository)
                .tasklet(new ScopeIndicators(indicators, jdbc, places), transactionManager)
                .listener((StepExecutionListener) new ProgressListener("指标", places::name, "个数字", "个/秒"))
                .build();
    }

    /** The scopes of the job parameter {@code scopes} (12-digit codes, comma-separated), else every scope. */
    @Bean
    @StepScope
    Partitioner indicatorScopes(AllScopes allScopes, @Value("#{jobParameters['scopes']}") String scopes) {
        return gridSize -> {
            List<String> codes = scopes == null || scopes.isBlank() ? allScopes.everyScope()
                    : new ArrayList<>(Arrays.asList(scopes.split(",")));
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String code : codes) {
                ExecutionContext context = new ExecutionContext();
                context.putString(SCOPE, code);
                partitions.put("scope-" + code, context);
            }
            return partitions;
        };
    }

    /** The root, then provinces, cities and districts (each by code): the largest scopes first. */
    static final Comparator<StepExecution> LARGEST_FIRST = Comparator
            .comparingInt((StepExecution step) -> level(scopeOf(step)))
            .thenComparing(IndicatorsJobConfiguration::scopeOf);

    private static String scopeOf(StepExecution step) {
        String place = JobText.partitionPlace(step.getStepName());
        return place == null ? step.getStepName() : place;
    }

    /** 0 the root, 1 a province, 2 a city, 3 a district, 4 anything below. */
    static int level(String code12) {
        return Math.min(DivisionCode.levelOf(code12).ordinal(), DivisionCode.Level.STREET.ordinal());
    }
}
