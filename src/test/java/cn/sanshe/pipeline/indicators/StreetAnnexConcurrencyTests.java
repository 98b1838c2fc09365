package cn.sanshe.pipeline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reference.DemoDivisions;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.ServerCounters;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The report run keeps each edition's street annex with its run on several threads at once (editions
 * rendered ahead). Each new run's annex went in after a DELETE of the run's rows, which found none
 * and, under REPEATABLE READ, locked the gap at the end of the primary key: every thread's gap, and
 * every thread's insert into it — a deadlock in the national benchmark at scale 1.0.
 */
@SpringBootTest
class StreetAnnexConcurrencyTests {

    private static final String CHANGAN = "130102000000";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StreetSubmissions submissions;

    @Autowired
    DivisionLoader divisions;

    @Test
    void annexesOfNewRunsStoredAtOnceNeverDeadlock() throws Exception {
        DemoDivisions.ensure(jdbc, divisions);
        long deadlocksBefore = ServerCounters.deadlocks(jdbc);
        int threads = 4;
        int runsEach = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                List<Long> runs = new ArrayList<>();
                for (int i = 0; i < runsEach; i++) {
                    long run = newRun();
                    assertThat(submissions.store(run, CHANGAN, YearMonth.of(2026, 10))).hasSize(6);
                    runs.add(run);
                }
                return runs;
            }));
        }
        List<Long> runs = new ArrayList<>();
        for (Future<List<Long>> result : done) {
            runs.addAll(result.get());
        }
        pool.shutdown();

        assertThat(ServerCounters.deadlocks(jdbc)).as("InnoDB deadlocks while storing annexes").isEqualTo(deadlocksBefore);
        for (long run : runs) {
            assertThat(submissions.stored(run)).hasValueSatisfying(streets -> assertThat(streets).hasSize(6));
        }
        jdbc.update("DELETE FROM indicator_run WHERE id BETWEEN ? AND ?", runs.stream().min(Long::compare).orElseThrow(),
                runs.stream().max(Long::compare).orElseThrow());
    }

    private long newRun() {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "INSERT INTO indicator_run (scope_code, period, profile, computed_at) VALUES (?, '2026-10', NULL, ?)",
                    new String[] {"id"});
            insert.setString(1, CHANGAN);
            insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

}
