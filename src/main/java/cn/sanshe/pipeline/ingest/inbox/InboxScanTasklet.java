package cn.sanshe.pipeline.ingest.inbox;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Registers what arrived: the whole inbox (nightly) or one file named by an operator
 * ({@code ingest-file}). Counts per outcome land in the step's context for {@code jobs show}.
 */
public class InboxScanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxScanTasklet.class);

    private final FileRegistry registry;
    private final Path inbox;
    private final YearMonth period;
    private final Drop singleFile;

    /** @param singleFile a file named by an operator, or null to scan {@code inbox} */
    public InboxScanTasklet(FileRegistry registry, Path inbox, YearMonth period, Drop singleFile) {
        this.registry = registry;
        this.inbox = inbox;
        this.period = period;
        this.singleFile = singleFile;
    }

    /** Drops registered together: a few statements for the batch instead of six per file (FileRegistry#registerAll). */
    static final int BATCH = 500;

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<FileRegistry.Registered, Integer> counts = new EnumMap<>(FileRegistry.Registered.class);
        List<Drop> batch = new ArrayList<>(BATCH);
        Runnable registerBatch = () -> {
            for (FileRegistry.Registered outcome : register(batch)) {
                counts.merge(outcome, 1, Integer::sum);
                contribution.incrementReadCount();
            }
            batch.clear();
        };
        if (singleFile != null) {
            batch.add(singleFile);
        } else {
            registry.clearNotRead(period);
            // Units asked about in this scan: an inbox holds each unit's folder once a month.
            Map<String, Boolean> knownUnits = new HashMap<>();
            InboxScanner.scan(inbox, period, drop -> {
                if (drop.misplaced() == null && drop.unitCode() != null
                        && !knownUnits.computeIfAbsent(drop.unitCode(), registry::isKnownUnit)) {
                    // Not registered by its bytes: once the unit is in the reference, the next run reads it.
                    String reason = "文件夹“" + drop.unitCode() + "”不是区划表中的报送单位（街道9位、区县6位代码），未读取；"
                            + "请核对单位代码，或先用 divisions load 加载区划";
                    log.warn("{}: {}", drop.path(), reason);
                    counts.merge(registry.notRead(drop, reason), 1, Integer::sum);
                    contribution.incrementReadCount();
                    return;
                }
                batch.add(drop);
                if (batch.size() == BATCH) {
                    registerBatch.run();
                }
            }, drop -> {
                log.warn("{}: {}", drop.path(), drop.misplaced());
                counts.merge(registry.notRead(drop, drop.misplaced()), 1, Integer::sum);
                contribution.incrementReadCount();
            });
        }
        if (!batch.isEmpty()) {
            registerBatch.run();
        }
        counts.forEach((outcome, n) -> contribution.getStepExecution().getExecutionContext()
                .putInt("files." + outcome.name().toLowerCase(), n));
        log.info("Inbox {}: {}", singleFile == null ? inbox : singleFile.path(), counts);
        return RepeatStatus.FINISHED;
    }

    private List<FileRegistry.Registered> register(List<Drop> drops) {
        List<FileRegistry.Registered> outcomes = registry.registerAll(drops);
        for (int i = 0; i < drops.size(); i++) {
            if (outcomes.get(i) == FileRegistry.Registered.COPY_OF_EARLIER) {
                log.info("{}: same bytes as a file received before; not loaded again", drops.get(i).path());
            } else if (outcomes.get(i) == FileRegistry.Registered.MISPLACED) {
                log.warn("{}: {}", drops.get(i).path(), drops.get(i).misplaced());
            }
        }
        return outcomes;
    }
}
