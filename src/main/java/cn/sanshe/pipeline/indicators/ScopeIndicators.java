package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.jobs.FailureWords;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One scope partition of {@code indicatorsJob}: computes and stores the scope's figures of the
 * job's month for each profile ({@link IndicatorService#run}), all in the step's one transaction
 * (one consistent read; a failure stores none of them), and keeps the run ids in the partition's
 * execution context. Read and write counts are the figures stored.
 */
final class ScopeIndicators implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScopeIndicators.class);

    private final IndicatorService indicators;
    private final JdbcTemplate jdbc;
    private final Places places;

    ScopeIndicators(IndicatorService indicators, JdbcTemplate jdbc, Places places) {
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.places = places;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        String scope = step.getExecutionContext().getString(IndicatorsJobConfiguration.SCOPE);
        JobParameters parameters = step.getJobExecution().getJobParameters();
        YearMonth period = YearMonth.parse(parameters.getString("period"));
        List<Long> runs = new ArrayList<>();
        long figures = 0;
        try {
            for (String profile : IndicatorsRun.profiles(parameters.getString("profiles"))) {
                long run = indicators.run(scope, period, profile);
                runs.add(run);
                Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM indicator_value WHERE run_id = ?", Long.class, run);
                figures += stored == null ? 0 : stored;
            }
        } catch (RuntimeException e) {
            // the scope by its name in the reason operators read (the command, jobs show, the failure mail)
            log.error("指标计算失败：{}（{}），{}", places.name(scope), scope, period, e);
            throw new ScopeFailedException("指标·" + places.name(scope) + "（" + scope + "，" + period + "）计算失败："
                    + FailureWords.of(e));
        }
        for (long i = 0; i < figures; i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(figures);
        step.getExecutionContext().putString(IndicatorsJobConfiguration.RUN_IDS,
                runs.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return RepeatStatus.FINISHED;
    }

    /** A scope's failure, named for people; the cause with its trace is in the log. */
    static final class ScopeFailedException extends IllegalStateException {
        ScopeFailedException(String message) {
            super(message);
        }
    }
}
