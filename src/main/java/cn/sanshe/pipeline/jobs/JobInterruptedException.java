package cn.sanshe.pipeline.jobs;

/**
 * A job that could not record its own end (the database went away under it). Its message is
 * meant for the operator as it stands: the execution id and the command that continues it.
 */
public class JobInterruptedException extends IllegalStateException {

    public JobInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
