package cn.sanshe.pipeline.partition;

/**
 * How many districts a partitioned step runs at once on this machine when the configuration does
 * not say: one per processor the JVM may use (so both cores of a 2-core machine are busy, and a
 * bigger machine is used without anyone editing a setting). The database server shares the same
 * cores; a district's step waits on it half the time, which is why more partitions than cores
 * does not help.
 */
public final class Parallelism {

    private Parallelism() {
    }

    /** {@code configured} when it is a positive number; otherwise one per available processor. */
    public static int of(Integer configured) {
        return configured != null && configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
