package cn.sanshe.pipeline.bench;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prints InnoDB's undo history length every 15 seconds while a job runs: a history that keeps
 * growing means purge is behind, and reads then walk ever longer version chains.
 */
final class UndoWatch implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private UndoWatch(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static UndoWatch start(JdbcTemplate jdbc, boolean on) {
        if (!on) {
            return new UndoWatch(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "undo-watch");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            try {
                Long history = jdbc.queryForObject(
                        "SELECT `count` FROM information_schema.INNODB_METRICS WHERE name = 'trx_rseg_history_len'",
                        Long.class);
                String running = String.join(" | ", jdbc.queryForList("SELECT LEFT(REGEXP_REPLACE(info, '\\\\s+', ' '), 90) "
                        + "FROM information_schema.PROCESSLIST WHERE command = 'Query' AND info NOT LIKE '%PROCESSLIST%'",
                        String.class));
                System.out.printf(Locale.ROOT, "    %5.0f s: undo history %,d; running: %s%n", (System.nanoTime() - start) / 1e9,
                        history, running);
            } catch (RuntimeException e) {
                System.out.println("    undo watch: " + e.getMessage());
            }
        }, 15, 15, TimeUnit.SECONDS);
        return new UndoWatch(timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
