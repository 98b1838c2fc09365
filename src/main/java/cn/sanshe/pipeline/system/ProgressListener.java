package cn.sanshe.pipeline.system;

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
    private final DistrictNames districts;
    private final ThreadLocal<Running> running = new ThreadLocal<>();

    /** {@code districts} names a district partition in the line (入库 长安区), as people read it. */
    public ProgressListener(String label, DistrictNames districts) {
        this.label = label;
        this.districts = districts;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String name = stepExecution.getStepName();
        int partition = name.indexOf(':');
        running.set(new Running(stepExecution,
                new Progress(partition < 0 ? label : label + " " + districts.ofPartition(name.substring(partition + 1)), 0)));
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
