package cn.sanshe.pipeline.system;

import java.util.function.UnaryOperator;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows a chunk-oriented step's rows read as {@link Progress}. One step bean may run as several
 * partitions at once, each on its own thread, so the state is kept per thread.
 */
public class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private record Running(StepExecution stepExecution, Progress progress) {
    }

    private final String label;
    private final UnaryOperator<String> divisionNames;
    private final String unit;
    private final String rateUnit;
    private final ThreadLocal<Running> running = new ThreadLocal<>();

    /**
     * {@code divisionNames} gives a division's name for its code, so a district's partition
     * ({@code district-130102}) shows as people read it: 入库 长安区.
     */
    public ProgressListener(String label, UnaryOperator<String> divisionNames) {
        this(label, divisionNames, "行", "行/秒");
    }

    /** Counting what the step reads in other words than rows (the indicators: 个数字, 个/秒). */
    public ProgressListener(String label, UnaryOperator<String> divisionNames, String unit, String rateUnit) {
        this.label = label;
        this.divisionNames = divisionNames;
        this.unit = unit;
        this.rateUnit = rateUnit;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String name = stepExecution.getStepName();
        int partition = name.indexOf(':');
        running.set(new Running(stepExecution,
                new Progress(partition < 0 ? label : label + " " + partitionName(name.substring(partition + 1)), 0,
                        unit, rateUnit)));
    }

    /** {@code district-130102} → 长安区; an indicators scope {@code scope-130000000000} → 河北省. */
    private String partitionName(String partition) {
        if (partition.startsWith("district-")) {
            return divisionNames.apply(partition.substring("district-".length()));
        }
        return partition.startsWith("scope-") ? divisionNames.apply(partition.substring("scope-".length())) : partition;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        show();
    }

    @Override
    public void afterChunk(ChunkContext context) {
        show();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Running current = running.get();
        if (current != null) {
            current.progress().finish(stepExecution.getReadCount());
            running.remove();
        }
        return null;
    }

    private void show() {
        Running current = running.get();
        if (current != null) {
            current.progress().update(current.stepExecution().getReadCount());
        }
    }
}
