package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reconcile.truth.ConflictCheck;
import cn.sanshe.pipeline.reconcile.truth.PairwiseScore;
import cn.sanshe.pipeline.reconcile.truth.Spec;
import cn.sanshe.pipeline.reconcile.truth.Truth;
import cn.sanshe.pipeline.reconcile.truth.TruthGenerator;
import cn.sanshe.pipeline.reconcile.truth.TruthTables;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.IdentityVault;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How reconcile grows with the data: truth sets of 1×, 2× and 4× (4× = 1,500,000 organization
 * rows and 3,000,000 worker rows over twelve months; more communities, not more organizations per
 * community, so blocking by community stays as it is in a real city), each reconciled from empty
 * masters, and per size: rows, seconds, rows/s, peak heap, candidate pairs scored (the job's
 * {@code reconcile.candidatePairs}, summed over its steps) and the pairwise accuracy. Then the
 * growth of time from 1× (linear: 2.0 and 4.0). Target: 4× under 10 minutes on 2 cores.
 *
 * <p>Nothing is asserted: the figures are printed and kept in {@code target/bench/reconcile-benchmark.txt}.
 * The database is its own, under {@code target/bench-db/reconcile}, started fresh.
 *
 * <p>Arguments: {@code [--scales=1,2,4] [--org-rows=375000] [--months=12] [--seed=1] [--accuracy=true]
 * [--warm-up=true] [--buffer-pool=512M]}; {@code --org-rows} is the 1× size (worker rows follow at about twice that). An
 * untimed warm-up at a twentieth of 1× runs first. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec@reconcile-benchmark}.
 */
public final class ReconcileBenchmark {

    static final double TARGET_SECONDS = 600;
    static final int ORGS_PER_COMMUNITY = 8;
    static final int WORKERS_PER_COMMUNITY = 15;
    /** Organization rows a community gives over a month with the default noise (measured: S2 + D1). */
    static final double ORG_ROWS_PER_COMMUNITY_MONTH = 10.0;
    private static final Path BENCH = Path.of("target", "bench");

    private final List<String> lines = new ArrayList<>();
    private final Path file = BENCH.resolve("reconcile-benchmark.txt");
    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;

    record Options(List<Integer> scales, int orgRows, int months, long seed, boolean accuracy, boolean warmUp,
            String bufferPool, double slowLog) {
    }

    record Measured(int scale, Truth.Summary truth, double seconds, double appCpu, double dbCpu, long peakHeap,
            long sampledHeap, long afterGcHeap, long candidatePairs, String outcome, List<String> steps, String orgScore, String workerScore,
            String conflicts) {
        long rows() {
            return truth.orgRows() + truth.workerRows();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Files.createDirectories(BENCH);
        ReconcileBenchmark benchmark = new ReconcileBenchmark();
        int status = 0;
        try {
            benchmark.run(options);
        } catch (Throwable e) {
            e.printStackTrace();
            benchmark.line("");
            benchmark.line("BENCHMARK FAILED: " + e);
            status = 1;
        } finally {
            benchmark.save();
            if (benchmark.context != null) {
                benchmark.context.close();
            }
        }
        System.exit(status);
    }

    private static Options parse(String[] args) {
        List<Integer> scales = List.of(1, 2, 4);
        int orgRows = 375_000;
        int months = 12;
        long seed = 1;
        boolean accuracy = true;
        boolean warmUp = true;
        String bufferPool = "512M";
        double slowLog = 0;
        for (String raw : args) {
            String arg = raw.strip();
            if (arg.isEmpty()) {
                continue;
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1).strip() : "";
            if (arg.startsWith("--scales=")) {
                scales = java.util.Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
            } else if (arg.startsWith("--org-rows=")) {
                orgRows = Integer.parseInt(value.replaceAll("[_,]", ""));
            } else if (arg.startsWith("--months=")) {
                months = Integer.parseInt(value);
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(value);
            } else if (arg.startsWith("--accuracy=")) {
                accuracy = Boolean.parseBoolean(value);
            } else if (arg.startsWith("--warm-up=")) {
                warmUp = Boolean.parseBoolean(value);
            } else if (arg.startsWith("--buffer-pool=")) {
                bufferPool = value;
            } else if (arg.startsWith("--slow-log=")) {
                slowLog = Double.parseDouble(value);
            } else {
                System.err.println("usage: ReconcileBenchmark [--scales=1,2,4] [--org-rows=375000] [--months=12] "
                        + "[--seed=1] [--accuracy=true] [--warm-up=true] [--buffer-pool=512M] [--slow-log=SECONDS]   (got "
                        + arg + ")");
                System.exit(2);
            }
        }
        return new Options(scales, orgRows, months, seed, accuracy, warmUp, bufferPool, slowLog);
    }

    private void run(Options options) throws Exception {
        line("# Reconcile benchmark — " + LocalDateTime.now().withNano(0));
        line("");
        line(String.format(Locale.ROOT, "sizes %s × %,d organization rows (and about twice as many worker rows), "
                + "%d months, %d organizations and %d workers per community; JVM %s, %d CPUs, max heap %d MB, GC %s",
                options.scales(), options.orgRows(), options.months(), ORGS_PER_COMMUNITY, WORKERS_PER_COMMUNITY,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, String.join(" + ",
                        ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList())));
        start(options.bufferPool());
        line(String.format(Locale.ROOT, "database: MariaDB %s (embedded, loopback), innodb_buffer_pool_size %d MB; "
                + "pipeline.reconcile.* as configured (defaults unless set)",
                jdbc.queryForObject("SELECT VERSION()", String.class),
                jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20));
        Spec.Noise noise = Spec.Noise.defaults();
        noise.describe().forEach(text -> line("noise: " + text));
        save();
        if (options.warmUp()) {
            // Untimed: the JIT and the database's caches see the job once before anything is measured.
            Measured warm = measure(options, 0, Math.max(5_000, options.orgRows() / 20));
            line(String.format(Locale.ROOT, "warm-up (not counted): %,d rows in %.1f s", warm.rows(), warm.seconds()));
        }
        List<Measured> measured = new ArrayList<>();
        for (int scale : options.scales()) {
            measured.add(measure(options, scale, (long) scale * options.orgRows()));
            save();
        }
        table(measured);
    }

    private void start(String bufferPool) throws Exception {
        long start = System.nanoTime();
        context = new SpringApplicationBuilder(PipelineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--pipeline.embedded-db.data-dir=target/bench-db/reconcile/data",
                        "--pipeline.embedded-db.base-dir=target/bench-db/reconcile/server",
                        "--pipeline.embedded-db.fresh-start=true",
                        // the InnoDB buffer pool of the benchmark's server (the embedded default is 512M)
                        "--pipeline.embedded-db.buffer-pool=" + bufferPool,
                        "--logging.file.name=target/bench-reconcile.log");
        jdbc = context.getBean(JdbcTemplate.class);
        context.getBean(DivisionLoader.class).load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
        System.out.printf(Locale.ROOT, "application and embedded database started, divisions loaded in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    private Measured measure(Options options, int scale, long orgRows) throws Exception {
        System.out.println();
        System.out.println(scale == 0 ? "== warm-up ==" : "== " + scale + "× ==");
        TruthTables.truncate(jdbc);
        int communities = (int) Math.round(orgRows / (ORG_ROWS_PER_COMMUNITY_MONTH * options.months()));
        Spec spec = new Spec(options.seed(), YearMonth.of(2026, 1), options.months(), ORGS_PER_COMMUNITY,
                WORKERS_PER_COMMUNITY, Spec.DEMO_DISTRICTS, communities, Spec.Noise.defaults());
        Truth truth = TruthGenerator.generate(jdbc, context.getBean(IdentityVault.class), spec);
        System.out.println("  generated: " + truth.summary().describe());
        for (String table : List.of("stg_s2_org_ledger", "stg_d1_org_registry", "stg_s3_worker", "stg_d3_certificate",
                "ingest_sheet", "division")) {
            jdbc.queryForList("ANALYZE TABLE " + table);   // fresh statistics, as a nightly load would leave them
        }

        slowLog(options, scale);
        String loadBefore = loadAverage();
        double appCpuBefore = appCpuSeconds();
        double dbCpuBefore = databaseCpuSeconds();
        long start;
        long end;
        JobOutcome outcome;
        HeapWatch.Figures heap;
        try (HeapWatch watch = HeapWatch.start(); UndoWatch undo = UndoWatch.start(jdbc, options.slowLog() > 0)) {
            start = System.nanoTime();
            outcome = context.getBean(ReconcileRun.class).run(null);
            end = System.nanoTime();
            heap = watch.stop();
        }
        double seconds = (end - start) / 1e9;
        double appCpu = appCpuSeconds() - appCpuBefore;
        double dbCpu = databaseCpuSeconds() - dbCpuBefore;
        String load = "load average before " + loadBefore + ", after " + loadAverage();
        System.out.printf(Locale.ROOT, "  reconcile: %s in %.1f s, CPU %.1f s application + %.1f s database (%s)%n",
                outcome.succeeded() ? "COMPLETED" : outcome.describe(), seconds, appCpu, dbCpu, load);
        JobExecution execution = context.getBean(JobControl.class).execution(outcome.executionId());
        long pairs = 0;
        List<String> steps = new ArrayList<>();
        steps.add("machine: " + load + " (other work on the 2 cores inflates the seconds)");
        List<StepExecution> stepExecutions = new ArrayList<>(execution.getStepExecutions());
        stepExecutions.sort(Comparator.comparing(StepExecution::getStartTime));
        for (StepExecution step : stepExecutions) {
            Object value = step.getExecutionContext().get("reconcile.candidatePairs");
            long stepPairs = value instanceof Number number ? number.longValue() : 0;
            pairs += stepPairs;
            steps.add(String.format(Locale.ROOT, "%s: %.1f s, read %,d, written %,d%s", step.getStepName(),
                    seconds(step.getStartTime(), step.getEndTime()), step.getReadCount(), step.getWriteCount(),
                    value == null ? "" : String.format(Locale.ROOT, ", candidate pairs %,d", stepPairs)));
        }
        String orgScore = "";
        String workerScore = "";
        String conflicts = "";
        if (options.accuracy() && outcome.succeeded()) {
            long scoring = System.nanoTime();
            PairwiseScore.Result orgs = PairwiseScore.organizations(jdbc, truth);
            PairwiseScore.Result workers = PairwiseScore.workers(jdbc, truth);
            orgScore = String.format(Locale.ROOT, "%.4f / %.4f", orgs.precision(), orgs.recall());
            workerScore = String.format(Locale.ROOT, "%.4f / %.4f", workers.precision(), workers.recall());
            List<String> checks = new ArrayList<>();
            for (ConflictCheck check : ConflictCheck.all(jdbc, truth, orgs, workers)) {
                checks.add(check.kind() + (check.exact() ? " exact" : " missed " + check.missed().size()
                        + ", unexpected " + check.unexpected().size()) + " (" + check.planted().size() + " planted)");
            }
            conflicts = String.join("; ", checks);
            System.out.println("  " + orgs.describe());
            System.out.println("  " + workers.describe());
            System.out.println("  conflicts: " + conflicts);
            System.out.printf(Locale.ROOT, "  scored in %.1f s%n", (System.nanoTime() - scoring) / 1e9);
        }
        return new Measured(scale, truth.summary(), seconds, appCpu, dbCpu, heap.sumOfPoolPeaks(), heap.sampledPeak(),
                heap.maxAfterGc(), pairs, outcome.succeeded() ? "COMPLETED" : outcome.describe().replace('\n', ' '),
                steps, orgScore, workerScore, conflicts);
    }

    /**
     * With {@code --slow-log=SECONDS}: every statement of the size that takes longer goes, with its plan, to
     * {@code target/bench/reconcile-slow-<size>x.log} — the way to see which statement stops growing linearly.
     */
    private void slowLog(Options options, int scale) {
        if (options.slowLog() <= 0) {
            return;
        }
        String log = BENCH.resolve("reconcile-slow-" + scale + "x.log").toAbsolutePath().toString();
        jdbc.execute("SET GLOBAL slow_query_log = OFF");
        jdbc.update("SET GLOBAL slow_query_log_file = ?", log);
        jdbc.execute("SET GLOBAL long_query_time = " + options.slowLog());
        jdbc.execute("SET GLOBAL log_slow_verbosity = 'query_plan,explain'");
        jdbc.execute("SET GLOBAL slow_query_log = ON");
        // A session copies these when it connects: the pool's open connections would never log.
        try {
            context.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class)
                    .getHikariPoolMXBean().softEvictConnections();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("  statements over " + options.slowLog() + " s: " + log);
    }

    private void table(List<Measured> measured) {
        line("");
        line("| size | org rows | worker rows | rows | seconds | rows/s | CPU s (application + database) "
                + "| peak heap MB (pool peaks; sampled; after GC) | candidate pairs | pairs per org row | org P / R "
                + "| worker P / R | job |");
        line("|---|---:|---:|---:|---:|---:|---|---|---:|---:|---|---|---|");
        for (Measured m : measured) {
            line(String.format(Locale.ROOT, "| %d× | %,d | %,d | %,d | %.1f | %,.0f | %.0f + %.0f | %d; %d; %d | %,d | %.2f "
                    + "| %s | %s | %s |",
                    m.scale(), m.truth().orgRows(), m.truth().workerRows(), m.rows(), m.seconds(), m.rows() / m.seconds(),
                    m.appCpu(), m.dbCpu(),
                    m.peakHeap() >> 20, m.sampledHeap() >> 20, m.afterGcHeap() >> 20, m.candidatePairs(),
                    (double) m.candidatePairs() / m.truth().orgRows(), m.orgScore(), m.workerScore(), m.outcome()));
        }
        Measured base = measured.stream().filter(m -> m.scale() == 1).findFirst().orElse(measured.get(0));
        line("");
        line("| growth from " + base.scale() + "× | rows | time | CPU (application + database) | candidate pairs "
                + "| linear would be |");
        line("|---|---:|---:|---:|---:|---:|");
        for (Measured m : measured) {
            if (m == base) {
                continue;
            }
            line(String.format(Locale.ROOT, "| %d× / %d× | %.2f | %.2f | %.2f | %.2f | %.2f |", m.scale(), base.scale(),
                    (double) m.rows() / base.rows(), m.seconds() / base.seconds(),
                    (m.appCpu() + m.dbCpu()) / (base.appCpu() + base.dbCpu()),
                    base.candidatePairs() == 0 ? Double.NaN : (double) m.candidatePairs() / base.candidatePairs(),
                    (double) m.scale() / base.scale()));
        }
        Measured largest = measured.stream().max(Comparator.comparingInt(Measured::scale)).orElseThrow();
        line("");
        line(String.format(Locale.ROOT, "largest size (%d×, %,d rows): %.1f s — under %.0f s: %s", largest.scale(),
                largest.rows(), largest.seconds(), TARGET_SECONDS, largest.seconds() < TARGET_SECONDS ? "yes" : "no"));
        for (Measured m : measured) {
            line("");
            line(m.scale() + "×: " + m.truth().describe());
            m.steps().forEach(step -> line("  " + step));
            if (!m.conflicts().isEmpty()) {
                line("  conflicts: " + m.conflicts());
            }
        }
    }

    /** CPU time of this JVM, every thread: less disturbed than wall time by other work on the machine. */
    private static double appCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** CPU time of the embedded MariaDB server, a child process of this JVM. */
    private static double databaseCpuSeconds() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(command -> command.contains("mariadbd")).orElse(false))
                .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN))
                .sum();
    }

    /** 1-, 5- and 15-minute load averages: other work on the machine shows here. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double seconds(LocalDateTime from, LocalDateTime to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private void line(String text) {
        System.out.println(text);
        lines.add(text);
    }

    private void save() throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
