package cn.sanshe.pipeline.system;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Shows a chunk-oriented step's rows read as {@link Progress}. */
public class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private final String label;
    private StepExecution stepExecution;
    private Progress progress;

    public ProgressListener(String label) {
        this.label = label;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        this.progress = new Progress(label, 0);
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        progress.update(stepExecution.getReadCount());
    }

    @Override
    public void afterChunk(ChunkContext context) {
        progress.update(stepExecution.getReadCount());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        progress.finish(stepExecution.getReadCount());
        return null;
    }
}
