package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.partition.DistrictPartitions;
import cn.sanshe.pipeline.partition.Parallelism;
import cn.sanshe.pipeline.system.IdentityVault;
import cn.sanshe.pipeline.system.ProgressListener;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * {@code ingestLoadStep}: pending files partitioned by district, each partition a restartable
 * chunk-oriented step. Districts are independent (every row's jurisdiction is its district), so
 * the same partitions run on a local thread pool or on other machines ({@link DistrictPartitions}).
 */
@Configuration(proxyBeanMethods = false)
class LoadStepConfiguration {

    @Bean
    Step ingestLoadStep(JobRepository jobRepository, Step ingestDistrictStep, JdbcTemplate jdbc,
            DistrictPartitions partitions, @Value("${pipeline.ingest.parallel-districts:0}") int configured) {
        return new StepBuilder("ingestLoadStep", jobRepository)
                .partitioner("ingestDistrictStep", districtsWithPendingFiles(jdbc))
                .partitionHandler(partitions.handler(ingestDistrictStep, Parallelism.of(configured), "ingest-"))
                .build();
    }

    /** One partition per district that has files waiting; its name and context carry the district. */
    static Partitioner districtsWithPendingFiles(JdbcTemplate jdbc) {
        return gridSize -> {
            List<String> districts = jdbc.queryForList(
                    "SELECT DISTINCT district_code FROM ingest_file WHERE status = 'pending' ORDER BY district_code",
                    String.class);
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (String district : districts) {
                ExecutionContext context = new ExecutionContext();
                context.putString("district", district);
                partitions.put("district-" + district, context);
            }
            return partitions;
        };
    }

    @Bean
    Step ingestDistrictStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            IngestItemReader ingestItemReader, IngestWriter ingestWriter, Places places,
            @Value("${pipeline.ingest.chunk-size:2000}") int chunkSize) {
        // No processor: the reader hands out items already checked on its own threads (ReadAhead),
        // so reading and checking the next chunks go on while this one is loaded.
        return new StepBuilder("ingestDistrictStep", jobRepository)
                .<IngestItem, IngestItem>chunk(chunkSize)
                .transactionManager(transactionManager)
                .transactionAttribute(readCommitted())
                .reader(new OpenedReader<>(ingestItemReader))
                .writer(ingestWriter)
                // A deadlock should no longer happen (readCommitted); were one to, the server rolls the
                // loser's chunk back and it is simply written again.
                .faultTolerant()
                .retry(ConcurrencyFailureException.class)
                .retryLimit(5)
                .listener(new ProgressListener("入库", places::name))
                .build();
    }

    /**
     * Spring Batch 6 observes every item a chunk-oriented step reads and processes: two Micrometer
     * observations per row, each with its timers and tags, on the step's single thread — in JFR half
     * of that thread's samples, at a few hundred bytes a row. The district step is therefore not
     * observed (its counts, the job's observation and {@code JobMetrics} are unaffected). Set after
     * every singleton is made: Spring Batch's {@code BatchObservabilityBeanPostProcessor} gives each
     * step bean the context's registry, over whatever its builder was told.
     */
    @Bean
    SmartInitializingSingleton ingestDistrictStepUnobserved(@Qualifier("ingestDistrictStep") Step step) {
        return () -> {
            Object target = AopProxyUtils.getSingletonTarget(step);
            if ((target != null ? target : step) instanceof AbstractStep abstractStep) {
                abstractStep.setObservationRegistry(ObservationRegistry.NOOP);
            }
        };
    }

    /**
     * A district's chunk reads and writes only its own district's rows, but under MySQL's default
     * REPEATABLE READ the searches of its statements also lock the gaps beside the rows they find —
     * in indexes every district shares (the last sheet of one district's range borders the next
     * district's first; new sheet ids all go to the end of {@code ingest_sheet_superseded}). Four
     * districts at once then deadlocked on {@code ingest_sheet} inserts past the retries. READ
     * COMMITTED takes no gap locks for searches, only for duplicate-key checks, which stay within
     * a file and so within its district; nothing in a chunk re-reads what another chunk may change.
     */
    static TransactionAttribute readCommitted() {
        DefaultTransactionAttribute attribute = new DefaultTransactionAttribute();
        attribute.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return attribute;
    }

    @Bean
    @StepScope
    IngestItemReader ingestItemReader(JdbcTemplate jdbc, TemplateCatalog catalog, RowChecker ingestRowChecker,
            @Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{stepExecutionContext['district']}") String district,
            @Value("${pipeline.ingest.check-threads:2}") int checkThreads) {
        // The checker is called on the reader's own threads, outside the step scope its proxy
        // resolves in: take the step's instance now, on the step's thread.
        RowChecker checker = ingestRowChecker instanceof ScopedObject scoped
                ? (RowChecker) scoped.getTargetObject() : ingestRowChecker;
        return new IngestItemReader(jdbc, catalog, Path.of(inbox), district, checker::process, checkThreads);
    }

    @Bean
    @StepScope
    RowChecker ingestRowChecker(JdbcTemplate jdbc, IdentityVault vault,
            @Value("#{stepExecutionContext['district']}") String district) {
        return new RowChecker(new DistrictDivisions(jdbc, district), vault, Clock.systemDefaultZone());
    }

    @Bean
    @StepScope
    IngestWriter ingestWriter(JdbcTemplate jdbc, IdentityVault vault) {
        return new IngestWriter(jdbc, vault);
    }
}
