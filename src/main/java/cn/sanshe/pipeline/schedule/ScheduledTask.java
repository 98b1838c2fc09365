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

    /** What a task does when it runs. */
    interface Work {
        Outcome run() throws Exception;
    }

    /** A task of the given name that does the given work. */
    static ScheduledTask of(String name, Work work) {
        return new ScheduledTask() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome run() throws Exception {
                return work.run();
            }
        };
    }
}
