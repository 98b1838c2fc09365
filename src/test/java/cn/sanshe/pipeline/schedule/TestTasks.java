package cn.sanshe.pipeline.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;

/**
 * Tasks the schedule tests fire, imported or registered explicitly (not annotated, so no other
 * test's context scans them). Their records are static: the cluster tests run two contexts.
 */
class TestTasks {

    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Map<String, List<long[]>> INTERVALS = new ConcurrentHashMap<>();
    /** The first run of "hang" blocks here: a node that dies in the middle of a run. */
    static volatile CountDownLatch hang = new CountDownLatch(1);

    static void reset() {
        RUNS.clear();
        INTERVALS.clear();
        hang = new CountDownLatch(1);
    }

    static int runs(String task) {
        return RUNS.getOrDefault(task, new AtomicInteger()).get();
    }

    @Bean
    ScheduledTask probeOnce() {
        return counting("probe-once", Duration.ZERO);
    }

    @Bean
    ScheduledTask probeSkip() {
        return counting("probe-skip", Duration.ZERO);
    }

    @Bean
    ScheduledTask slowWait() {
        return counting("slow-wait", Duration.ofMillis(1500));
    }

    @Bean
    ScheduledTask slowSkip() {
        return counting("slow-skip", Duration.ofMillis(1500));
    }

    @Bean
    ScheduledTask tick() {
        return counting("tick", Duration.ZERO);
    }

    @Bean
    ScheduledTask hangOnce() {
        return ScheduledTask.of("hang", () -> {
            if (RUNS.computeIfAbsent("hang", t -> new AtomicInteger()).incrementAndGet() == 1) {
                hang.await(60, TimeUnit.SECONDS);
            }
            return new ScheduledTask.Outcome(true, "hang done");
        });
    }

    static ScheduledTask counting(String name, Duration takes) {
        return ScheduledTask.of(name, () -> {
            long start = System.nanoTime();
            RUNS.computeIfAbsent(name, t -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(takes.toMillis());
            INTERVALS.computeIfAbsent(name, t -> new CopyOnWriteArrayList<>()).add(new long[] {start, System.nanoTime()});
            return new ScheduledTask.Outcome(true, name + " ran");
        });
    }
}
