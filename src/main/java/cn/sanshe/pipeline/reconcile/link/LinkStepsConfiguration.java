package cn.sanshe.pipeline.reconcile.link;

import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.partition.DistrictPartitions;
import cn.sanshe.pipeline.reconcile.ReconcileProperties;
import cn.sanshe.pipeline.system.ProgressListener;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * {@code reconcileOrgStep} and {@code reconcileWorkerStep}: partitioned by district, like
 * ingest, on a local thread pool or on other machines ({@link DistrictPartitions}). Organizations are matched within their
 * district; a person is one master nation-wide (by identity number), whichever district lists them.
 */
@Configuration(proxyBeanMethods = false)
class LinkStepsConfiguration {

    @Bean
    Step reconcileOrgStep(JobRepository jobRepository, Step reconcileOrgDistrictStep, JdbcTemplate jdbc,
            ReconcileProperties properties, DistrictPartitions partitions) {
        return partitioned("reconcileOrgStep", jobRepository, reconcileOrgDistrictStep, partitions,
                properties.parallelDistricts(),
                districts(jdbc, "org_source", "stg_s2_org_ledger", "S2", "stg_d1_org_registry", "D1"));
    }

    @Bean
    Step reconcileWorkerStep(JobRepository jobRepository, Step reconcileWorkerDistrictStep, JdbcTemplate jdbc,
            ReconcileProperties properties, DistrictPartitions partitions) {
        return partitioned("reconcileWorkerStep", jobRepository, reconcileWorkerDistrictStep, partitions,
                properties.parallelDistricts(),
                districts(jdbc, "worker_source", "stg_s3_worker", "S3", "stg_d3_certificate", "D3"));
    }

    @Bean
    Step reconcileOrgDistrictStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcCursorItemReader<OrgSourceRow> unlinkedOrgRows, OrgLinkWriter orgLinkWriter,
            ReconcileProperties properties, Places places) {
        return new StepBuilder("reconcileOrgDistrictStep", jobRepository)
                .<OrgSourceRow, OrgSourceRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .transactionAttribute(readCommitted())
                .reader(unlinkedOrgRows)
                .writer(orgLinkWriter)
                .listener(orgLinkWriter)
                .listener(new ProgressListener("社会组织匹配", places::name))
                .build();
    }

    @Bean
    Step reconcileWorkerDistrictStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WorkerLinker workerLinker, Places places) {
        ProgressListener progress = new ProgressListener("社区工作者匹配", places::name);
        return new StepBuilder("reconcileWorkerDistrictStep", jobRepository)
                .tasklet(workerLinker, transactionManager)
                .transactionAttribute(readCommitted())
                .listener((StepExecutionListener) progress)
                .listener((ChunkListener<?, ?>) progress)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<OrgSourceRow> unlinkedOrgRows(DataSource dataSource,
            @Value("#{stepExecutionContext['district']}") String district) {
        return UnlinkedOrgRows.reader(dataSource, district);
    }

    @Bean
    @StepScope
    WorkerLinker workerLinker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            @Value("#{stepExecutionContext['district']}") String district) {
        return new WorkerLinker(jdbc, transactionManager, district);
    }

    @Bean
    @StepScope
    OrgLinkWriter orgLinkWriter(JdbcTemplate jdbc, @Value("#{stepExecutionContext['district']}") String district,
            ReconcileProperties properties) {
        return new OrgLinkWriter(jdbc, district, properties.thresholds());
    }

    /**
     * Districts side by side: a district must see the masters another just created (a person on
     * two districts' rosters), and neither may gap-lock the masters and lineage the other appends
     * to (INSERT … SELECT share-locks what it reads under repeatable read).
     */
    private static TransactionAttribute readCommitted() {
        DefaultTransactionAttribute attribute = new DefaultTransactionAttribute();
        attribute.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return attribute;
    }

    private static Step partitioned(String name, JobRepository jobRepository, Step worker,
            DistrictPartitions partitions, int parallel, Partitioner partitioner) {
        return new StepBuilder(name, jobRepository)
                .partitioner(worker.getName(), partitioner)
                .partitionHandler(partitions.handler(worker, parallel, "reconcile-"))
                .build();
    }

    /** One partition per district with staged rows not linked yet, in either table. */
    private static Partitioner districts(JdbcTemplate jdbc, String links, String table, String template,
            String otherTable, String otherTemplate) {
        // Table names and templates are the constants above, never input.
        String unlinked = "SELECT DISTINCT t.district_code FROM %s t LEFT JOIN %s o ON o.template = '%s' "
                + "AND o.stg_id = t.id WHERE o.id IS NULL";
        String sql = String.format(unlinked, table, links, template) + " UNION "
                + String.format(unlinked, otherTable, links, otherTemplate) + " ORDER BY 1";
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (String district : jdbc.queryForList(sql, String.class)) {
                ExecutionContext context = new ExecutionContext();
                context.putString("district", district);
                partitions.put("district-" + district, context);
            }
            return partitions;
        };
    }
}
