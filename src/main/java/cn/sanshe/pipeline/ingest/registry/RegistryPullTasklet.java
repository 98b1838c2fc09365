package cn.sanshe.pipeline.ingest.registry;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Pulls every configured registry before the inbox is scanned. A registry that cannot be reached
 * does not stop the other districts' data: the step ends COMPLETED_WITH_PROBLEMS, naming it, and
 * the summary of the run says so.
 */
public class RegistryPullTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RegistryPullTasklet.class);

    private final List<RegistrySource> sources;
    private final Path inbox;
    private final YearMonth period;

    public RegistryPullTasklet(List<RegistrySource> sources, Path inbox, YearMonth period) {
        this.sources = sources;
        this.inbox = inbox;
        this.period = period;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<String> problems = new ArrayList<>();
        for (RegistrySource source : sources) {
            try {
                RegistryPull.Snapshot snapshot = RegistryPull.pull(source, inbox, period);
                contribution.incrementReadCount();
                log.info("Registry of {}: {} rows into {}", source.district(), snapshot.rows(), snapshot.file());
            } catch (Exception e) {
                // The message may carry the URL, never the password; log it without the stack of a driver.
                log.error("Registry of {} could not be read: {}", source.district(), e.getMessage());
                problems.add(source.district() + "：" + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            contribution.setExitStatus(new ExitStatus("COMPLETED_WITH_PROBLEMS",
                    "区县登记系统读取失败：" + String.join("；", problems)));
        }
        return RepeatStatus.FINISHED;
    }
}
