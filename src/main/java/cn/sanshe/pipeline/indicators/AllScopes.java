package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.identifiers.DivisionCode;
import cn.sanshe.pipeline.partition.Parallelism;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of every scope of a month — the root, each province, city and district — computed
 * and stored as runs, partitioned by scope over a thread pool sized from the machine (one scope
 * per processor unless {@code pipeline.indicators.parallel-scopes} says otherwise). Each scope is
 * one read transaction of {@link IndicatorService#run}, independent of the others, so the runs
 * hold exactly the figures the same scopes computed one after another would.
 *
 * <p>Why by scope and not by district alone: a city's or province's figures are not sums of its
 * districts' (a worker on two districts' rosters counts once above them), so every level is
 * computed from the rows, and the district scopes — most of the work at national size — spread
 * over the pool. The largest scopes are started first, so no big one is left for the end.
 */
@Component
public class AllScopes {

    private final IndicatorService indicators;
    private final JdbcTemplate jdbc;
    private final int parallel;

    AllScopes(IndicatorService indicators, JdbcTemplate jdbc,
            @Value("${pipeline.indicators.parallel-scopes:0}") int parallelScopes) {
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.parallel = Parallelism.of(parallelScopes);
    }

    /** The root, then every province, city and district of the division reference, by level and code. */
    public List<String> everyScope() {
        List<String> scopes = new ArrayList<>();
        scopes.add(DivisionCode.ROOT);
        scopes.addAll(jdbc.queryForList("""
                SELECT code FROM division WHERE level IN ('province', 'city', 'district')
                ORDER BY FIELD(level, 'province', 'city', 'district'), code""", String.class));
        return scopes;
    }

    /** Computes and stores the runs of these scopes on the pool; run ids by scope, in the given order. */
    public Map<String, Long> run(List<String> scopes, YearMonth period, String profile) {
        return run(scopes, period, profile, parallel);
    }

    /** As {@link #run(List, YearMonth, String)} with {@code threads} scopes at once (1: one after another). */
    public Map<String, Long> run(List<String> scopes, YearMonth period, String profile, int threads) {
        Map<String, Long> runs = new LinkedHashMap<>();
        if (threads <= 1 || scopes.size() <= 1) {
            for (String scope : scopes) {
                runs.put(scope, indicators.run(scope, period, profile));
            }
            return runs;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, scopes.size()), task -> {
            Thread thread = new Thread(task, "indicators-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Long>> pending = new LinkedHashMap<>();
            for (String scope : scopes) {     // the caller's order: the root and provinces, the largest, first
                pending.put(scope, pool.submit(() -> indicators.run(scope, period, profile)));
            }
            for (Map.Entry<String, Future<Long>> entry : pending.entrySet()) {
                runs.put(entry.getKey(), entry.getValue().get());
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("指标计算被中断", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
