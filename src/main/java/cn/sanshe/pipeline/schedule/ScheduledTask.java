package cn.sanshe.pipeline.schedule;

/**
 * Something a schedule runs. Implementations are beans; a schedule names one by {@link #name()}.
 * A failed job inside has already mailed the operators (every job does); the outcome is what the
 * schedule log keeps.
 */
public interface ScheduledTask {

    String name();

    Outcome run() throws Exception;

    record Outcome(boolean succeeded, String detail) {
    }
}
