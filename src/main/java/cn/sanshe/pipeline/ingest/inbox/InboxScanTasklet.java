package cn.sanshe.pipeline.ingest.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumMap;
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

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<FileRegistry.Registered, Integer> counts = new EnumMap<>(FileRegistry.Registered.class);
        java.util.function.Consumer<Drop> registerOne = drop -> {
            counts.merge(register(drop), 1, Integer::sum);
            contribution.incrementReadCount();
        };
        if (singleFile != null) {
            registerOne.accept(singleFile);
        } else {
            registry.clearNotRead(period);
            InboxScanner.scan(inbox, period, registerOne, drop -> {
                log.warn("{}: {}", drop.path(), drop.misplaced());
                counts.merge(registry.notRead(drop, drop.misplaced()), 1, Integer::sum);
                contribution.incrementReadCount();
            });
        }
        counts.forEach((outcome, n) -> contribution.getStepExecution().getExecutionContext()
                .putInt("files." + outcome.name().toLowerCase(), n));
        log.info("Inbox {}: {}", singleFile == null ? inbox : singleFile.path(), counts);
        return RepeatStatus.FINISHED;
    }

    private FileRegistry.Registered register(Drop drop) {
        if (singleFile == null && drop.misplaced() == null && drop.unitCode() != null
                && !registry.isKnownUnit(drop.unitCode())) {
            // Not registered by its bytes: once the unit is in the reference, the next run reads it.
            String reason = "文件夹“" + drop.unitCode() + "”不是区划表中的报送单位（街道9位、区县6位代码），未读取；"
                    + "请核对单位代码，或先用 divisions load 加载区划";
            log.warn("{}: {}", drop.path(), reason);
            return registry.notRead(drop, reason);
        }
        try {
            FileRegistry.Registered outcome = registry.register(drop);
            if (outcome == FileRegistry.Registered.COPY_OF_EARLIER) {
                log.info("{}: same bytes as a file received before; not loaded again", drop.path());
            } else if (outcome == FileRegistry.Registered.MISPLACED) {
                log.warn("{}: {}", drop.path(), drop.misplaced());
            }
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + drop.path(), e);
        }
    }
}
