package cn.sanshe.pipeline.cli;

/**
 * Wrong usage found only once the database answers: an unknown job id, scope, profile or schedule,
 * restarting a completed job. Answered like any usage error: one line, exit status 2.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
