package cn.sanshe.pipeline.ingest.inbox;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
    public static final int BATCH = 500;

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<FileRegistry.Registered, Integer> counts = new EnumMap<>(FileRegistry.Registered.class);
        List<Drop> batch = new ArrayList<>(BATCH);
        // The batch being hashed while the one before it is recorded (FileRegistry#prepare).
        FileRegistry.Batch[] pending = {null};
        Consumer<FileRegistry.Batch> record = prepared -> {
            for (FileRegistry.Registered outcome : record(prepared)) {
                counts.merge(outcome, 1, Integer::sum);
                contribution.incrementReadCount();
            }
        };
        Runnable registerBatch = () -> {
            FileRegistry.Batch next;
            try {
                next = registry.prepare(batch);
            } catch (RuntimeException e) {
                // the batch already read is recorded before the failure is raised, as when batches went one by one
                if (pending[0] != null) {
                    record.accept(pending[0]);
                }
                throw e;
            }
            batch.clear();
            if (pending[0] != null) {
                record.accept(pending[0]);
            }
            pending[0] = next;
        };
        if (singleFile != null) {
            batch.add(singleFile);
        } else {
            registry.clearNotRead(period);
            // The units a folder may name, read once: an inbox holds each unit's folder once a month.
            Predicate<String> knownUnit = registry.knownUnits();
            InboxScanner.scan(inbox, period, drop -> {
                if (drop.misplaced() == null && drop.unitCode() != null && !knownUnit.test(drop.unitCode())) {
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
        if (pending[0] != null) {
            record.accept(pending[0]);
        }
        counts.forEach((outcome, n) -> contribution.getStepExecution().getExecutionContext()
                .putInt("files." + outcome.name().toLowerCase(), n));
        log.info("Inbox {}: {}", singleFile == null ? inbox : singleFile.path(), counts);
        return RepeatStatus.FINISHED;
    }

    private List<FileRegistry.Registered> record(FileRegistry.Batch batch) {
        List<Drop> drops = batch.drops();
        List<FileRegistry.Registered> outcomes = registry.record(batch);
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
