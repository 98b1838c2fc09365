package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.identifiers.DivisionCode;
import cn.sanshe.pipeline.indicators.IndicatorsRun;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.IdentityVault;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole nightly pipeline on a {@link NationalScenario}, per scale factor in a fresh database and
 * in this one JVM: the division reference, ingest of every file of the three months, reconcile,
 * the indicators of every level (the root, each province, city and district) for the last month
 * ({@code indicatorsJob}, one partition per scope: on the pool, or on the workers when remote),
 * and the report run of that month — every district's monthly edition plus the national one,
 * rendered and delivered (as {@code .eml} files to the outbox) by the one {@code reportDeliveryJob}.
 * Per stage: wall time, rows/s, peak heap, database size on disk after it. Ingest is set against
 * the {@code LOAD DATA} ceiling of {@link LoadDataCeiling}: the very rows it staged, written out
 * after it and loaded again into empty copies of their tables in one stream. The earlier probe
 * (synthetic {@code stg_s3_worker} rows, before and after ingest, the faster counting) is printed
 * beside it. Then the growth of each stage between consecutive scales (time
 * ratio, and time ratio ÷ size ratio) and from the smallest scale.
 *
 * <p>Nothing is asserted: the figures are printed and kept in {@code target/bench/pipeline-benchmark.txt}.
 * Arguments: {@code [--scales=0.1,0.25,0.5,1.0] [--months=2026-08,2026-09,2026-10] [--seed=17]
 * [--ceiling-rows=200000] [--worker-threads=1] [--work=DIR] [--generate-only=true] [--slow-log=SECONDS] [--stop-after=ingest]
 * [--buffer-pool=3G] [--pattern-ceiling=ROWS] [--two-at-once=true]}: {@code --pattern-ceiling} also loads
 * ingest's rows as ingest sends them (every table under way, loads of ROWS rows), and the ceiling's shape once
 * more beside it; {@code --two-at-once} loads them again on one connection, on two into the same tables and on
 * two into two sets of tables;
 * {@code --buffer-pool} sizes the embedded server's InnoDB buffer pool as a national
 * deployment would (with the data; the application's own default, 512M, is for a demo on a small machine), {@code --work} puts the
 * database, logs and figures under DIR (two runs side by side), {@code --generate-only} writes the
 * scenarios and stops, {@code --stop-after=ingest} stops each scale after ingest and the ceiling (no table of
 * growth). Run with
 * {@code ./mvnw -Pbench test-compile exec:exec@pipeline-benchmark -Dbench.scales=0.05}.
 */
public final class PipelineBenchmark {

    static final double TARGET_SECONDS = 30 * 60;
    static final long TARGET_HEAP = 2L << 30;
    static final double TARGET_INGEST_RATIO = 0.7;
    private static final Path BENCH = Path.of("target", "bench");
    /** The database and the run's own files; {@code --work=DIR} moves them, so two runs can go side by side. */
    private final Path data;
    private final Path work;
    /** Bumped when the generator's output changes, so an older scenario on disk is not reused. */
    private static final String SCENARIO_VERSION = "v2";

    private final List<String> lines = new ArrayList<>();
    /** The embedded server outlives a context in this JVM (one per data directory): the next measurement empties it. */
    private String lastJdbcUrl;
    private String lastUser;
    private String lastPassword;
    private final Path file;

    PipelineBenchmark(Path work) {
        this.work = work == null ? BENCH : work;
        this.data = work == null ? Path.of("target", "bench-db", "pipeline") : work.resolve("db");
        this.file = this.work.resolve("pipeline-benchmark.txt");
    }

    record Options(List<Double> scales, List<YearMonth> months, long seed, int ceilingRows, int remoteWorkers,
            int workerThreads, Path work, boolean generateOnly, double slowLog, boolean ingestOnly, String bufferPool,
            int patternCeiling, boolean twoAtOnce) {
    }

    record Stage(String name, double seconds, long rows, String unit, HeapWatch.Figures heap, long dbBytes,
            String outcome) {

        double rate() {
            return rows / seconds;
        }
    }

    record Measured(double scale, NationalInbox.Counts counts, double generateSeconds, List<Stage> stages,
            double ceiling, double ingestRatio, double probeCeiling, String accounting, String mastersDigest,
            String kpisDigest) {

        double total() {
            return stages.stream().mapToDouble(Stage::seconds).sum();
        }

        Stage stage(String name) {
            return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }

        long peakHeap() {
            return stages.stream().mapToLong(s -> s.heap().sumOfPoolPeaks()).max().orElse(0);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        Files.createDirectories(BENCH);
        PipelineBenchmark benchmark = new PipelineBenchmark(options.work());
        Files.createDirectories(benchmark.work);
        int status = 0;
        try {
            benchmark.run(options);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static Options parse(String[] args) {
        Map<String, String> given = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        List<Double> scales = Arrays.stream(given.getOrDefault("scales", "0.1,0.25,0.5,1.0").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Double::parseDouble).sorted().toList();
        List<YearMonth> months = Arrays.stream(given.getOrDefault("months", "2026-08,2026-09,2026-10").split(","))
                .map(YearMonth::parse).sorted().toList();
        return new Options(scales, months, Long.parseLong(given.getOrDefault("seed", "17")),
                Integer.parseInt(given.getOrDefault("ceiling-rows", "200000")),
                Integer.parseInt(given.getOrDefault("remote-workers", "0")),
                Integer.parseInt(given.getOrDefault("worker-threads", "1")),
                given.getOrDefault("work", "").isBlank() ? null : Path.of(given.get("work")),
                Boolean.parseBoolean(given.getOrDefault("generate-only", "false")),
                Double.parseDouble(given.getOrDefault("slow-log", "0")),
                "ingest".equals(given.getOrDefault("stop-after", "").trim()),
                given.getOrDefault("buffer-pool", "3G").trim(),
                Integer.parseInt(given.getOrDefault("pattern-ceiling", "0").trim()),
                Boolean.parseBoolean(given.getOrDefault("two-at-once", "false").trim()));
    }

    private void run(Options options) throws Exception {
        line(String.format(Locale.ROOT, "national pipeline benchmark: scales %s, months %s, seed %d; JVM %s, %d CPUs, max heap %d MB, "
                + "GC %s", options.scales(), options.months(), options.seed(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).toList())));
        line("load average at start: " + loadAverage());
        if (options.generateOnly()) {
            for (double scale : options.scales()) {
                long start = System.nanoTime();
                NationalInbox.Counts counts = generate(new NationalScenario(scale, options.seed()),
                        BENCH.resolve("national-" + scale), options);
                line(String.format(Locale.ROOT, "scale %s generated in %.1f s: %s", scale,
                        (System.nanoTime() - start) / 1e9, counts.summary()));
            }
            save();
            return;
        }
        List<Measured> measured = new ArrayList<>();
        for (double scale : options.scales()) {
            Measured single = measure(options, scale, 0);
            measured.add(single);
            save();
            if (options.remoteWorkers() > 0) {
                Measured remote = measure(options, scale, options.remoteWorkers());
                double singleLinked = single.stage("ingest").seconds() + single.stage("reconcile").seconds();
                double remoteLinked = remote.stage("ingest").seconds() + remote.stage("reconcile").seconds();
                line(String.format(Locale.ROOT, "scale %s, manager + %d worker JVMs against one JVM: master records (by their "
                        + "source rows) %s, kpis.json of every edition %s; ingest + reconcile %.1f s against %.1f s (ratio %.2f), "
                        + "indicators %.1f s against %.1f s (ratio %.2f), "
                        + "whole pipeline %.1f s against %.1f s (ratio %.2f)", scale, options.remoteWorkers(),
                        remote.mastersDigest().equals(single.mastersDigest()) ? "identical" : "DIFFERENT",
                        remote.kpisDigest().equals(single.kpisDigest()) ? "identical" : "DIFFERENT",
                        remoteLinked, singleLinked, remoteLinked / singleLinked, remote.stage("indicators").seconds(),
                        single.stage("indicators").seconds(),
                        remote.stage("indicators").seconds() / single.stage("indicators").seconds(), remote.total(), single.total(),
                        remote.total() / single.total()));
                save();
            }
        }
        if (!options.ingestOnly()) {
            table(measured);
        }
        save();
    }

    private Measured measure(Options options, double scale, int remoteWorkers) throws Exception {
        line("");
        line(String.format(Locale.ROOT, "== scale %s%s ==", scale, remoteWorkers == 0 ? ", one JVM"
                : ", manager + " + remoteWorkers + " worker JVMs (remote partitioning)"));
        NationalScenario country = new NationalScenario(scale, options.seed());
        Path root = BENCH.resolve("national-" + scale);
        long start = System.nanoTime();
        NationalInbox.Counts counts = generate(country, root, options);
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        line(String.format(Locale.ROOT, "scenario (%.1f s, not counted in the pipeline): %s", generateSeconds,
                counts.summary()));
        YearMonth month = options.months().get(options.months().size() - 1);
        String suffix = remoteWorkers == 0 ? "" : "-remote";
        // under the run's own folder: two runs side by side (--work) must not share an outbox
        Path outbox = (work.equals(BENCH) ? root : work.resolve("national-" + scale)).resolve("outbox" + suffix);
        Path reports = (work.equals(BENCH) ? root : work.resolve("national-" + scale)).resolve("reports" + suffix);
        deleteTree(outbox);
        deleteTree(reports);

        List<String> arguments = new ArrayList<>(List.of(
                "--pipeline.embedded-db.data-dir=" + data.resolve("data"),
                "--pipeline.embedded-db.base-dir=" + data.resolve("server"),
                "--pipeline.embedded-db.fresh-start=true",
                "--pipeline.embedded-db.buffer-pool=" + options.bufferPool(),
                "--pipeline.inbox=" + root.resolve("inbox"),
                "--pipeline.outbox=" + outbox,
                "--pipeline.reports=" + reports,
                "--logging.file.name=" + work.resolve("bench-pipeline.log")));
        arguments.addAll(editions(country));
        int brokerPort = 0;
        if (remoteWorkers > 0) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                brokerPort = socket.getLocalPort();
            }
            arguments.addAll(List.of("--pipeline.partitioning.mode=remote", "--pipeline.partitioning.embedded-broker=true",
                    "--pipeline.partitioning.broker-url=tcp://127.0.0.1:" + brokerPort));
        }
        if (lastJdbcUrl != null) {
            // the application's own account (grants are on: root has no password-less way in)
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(lastJdbcUrl, lastUser, lastPassword);
                    java.sql.Statement statement = connection.createStatement()) {
                String database = connection.getCatalog();
                statement.execute("DROP DATABASE `" + database + "`");
                statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        List<Process> workers = new ArrayList<>();
        String mastersDigest;
        String kpisDigest;
        List<Stage> stages = new ArrayList<>();
        double ceiling;
        double probeCeiling;
        String accounting;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineApplication.class)
                .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            this.jdbc = jdbc;
            DataSource dataSource = context.getBean(DataSource.class);
            lastJdbcUrl = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
            lastUser = ((com.zaxxer.hikari.HikariDataSource) dataSource).getUsername();
            lastPassword = ((com.zaxxer.hikari.HikariDataSource) dataSource).getPassword();
            for (int w = 0; w < remoteWorkers; w++) {
                workers.add(worker(context, brokerPort, work.resolve("pipeline-worker-" + (w + 1) + ".log"),
                        options.workerThreads()));
            }
            slowLog(jdbc, dataSource, options.slowLog(), work.resolve("slow-" + scale + suffix + ".log"));
            line("database: MariaDB " + jdbc.queryForObject("SELECT VERSION()", String.class)
                    + " (embedded), innodb_buffer_pool_size "
                    + (jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20) + " MB, innodb_log_file_size "
                    + (jdbc.queryForObject("SELECT @@innodb_log_file_size", Long.class) >> 20) + " MB");

            stages.add(stage("divisions", "units", () -> {
                DivisionLoader.Result result = context.getBean(DivisionLoader.class).load(root.resolve("divisions.csv"));
                return new Done(result.divisionsInReference(), result.outcome().succeeded() ? "COMPLETED"
                        : result.outcome().describe() + " " + result.problems());
            }));

            LoadDataCeiling.Prepared prepared = LoadDataCeiling.prepare(work.resolve("pipeline-ceiling.tsv"),
                    options.ceilingRows(), 2000, context.getBean(IdentityVault.class));
            LoadDataCeiling.load(dataSource, prepared, Math.min(10, prepared.chunks()));   // warm-up
            jdbc.execute("TRUNCATE TABLE " + LoadDataCeiling.TABLE);
            CpuWatch.Sample ceilingCpu = CpuWatch.sample();
            LoadDataCeiling.Timing before = LoadDataCeiling.load(dataSource, prepared, prepared.chunks());
            line("  LOAD DATA ceiling before ingest, " + CpuWatch.since(ceilingCpu, before.seconds(), before.rows()).describe());
            jdbc.execute("TRUNCATE TABLE " + LoadDataCeiling.TABLE);

            stages.add(stage("ingest", "rows read", () -> {
                IngestRun.Result result = context.getBean(IngestRun.class).inbox(root.resolve("inbox"), null);
                Long read = jdbc.queryForObject("SELECT COALESCE(SUM(rows_read), 0) FROM ingest_sheet", Long.class);
                return new Done(read, outcome(result.outcome()));
            }));
            Map<String, Object> sums = jdbc.queryForMap("""
                    SELECT COUNT(DISTINCT file_id) files, SUM(rows_read) rd, SUM(rows_loaded) ld, SUM(rows_rejected) rj,
                           SUM(rows_skipped) sk FROM ingest_sheet""");
            accounting = String.format(Locale.ROOT,
                    "ingest accounting: %s files with sheets, read %s = loaded %s + rejected %s + skipped %s; "
                            + "generator: %,d data rows, %,d to reject, %,d 合计 rows to skip",
                    sums.get("files"), sums.get("rd"), sums.get("ld"), sums.get("rj"), sums.get("sk"),
                    counts.rows(), counts.rejects.sum(), counts.skipped.sum());
            line(accounting);

            // the ceiling again, into rows of a sheet that does not exist, removed after; first the
            // server writes out what ingest left dirty, so that neither ceiling pays for ingest
            line("  before the ceilings: " + LoadDataCeiling.settle(jdbc));
            LoadDataCeiling.Prepared after = LoadDataCeiling.prepare(work.resolve("pipeline-ceiling-after.tsv"),
                    options.ceilingRows(), 2000, context.getBean(IdentityVault.class), LoadDataCeiling.PROBE_SHEET);
            LoadDataCeiling.Timing afterTiming = LoadDataCeiling.load(dataSource, after, after.chunks());
            jdbc.update("DELETE FROM " + LoadDataCeiling.TABLE + " WHERE sheet_id = ?", LoadDataCeiling.PROBE_SHEET);
            double beforeRate = before.rows() / before.seconds();
            double afterRate = afterTiming.rows() / afterTiming.seconds();
            probeCeiling = Math.max(beforeRate, afterRate);
            line(String.format(Locale.ROOT, "  probe: %,d rows of stg_s3_worker in chunks of 2,000: "
                    + "%,.0f rows/s before ingest (empty table), %,.0f rows/s after (table holding the ingested rows)",
                    before.rows(), beforeRate, afterRate));

            // the ceiling: exactly the rows ingest staged, loaded again into empty copies of their tables
            LoadDataCeiling.Dumped dumped = LoadDataCeiling.dump(dataSource, work.resolve("ceiling-rows"), 2000);
            line(String.format(Locale.ROOT, "  ingest's staged rows written out for the ceiling: %,d rows of %d tables "
                    + "in %.1f s (not counted)", dumped.rows(), dumped.tables().size(), dumped.seconds()));
            line("  before the ceiling on ingest's rows: " + LoadDataCeiling.settle(jdbc));
            CpuWatch.Sample sameCpu = CpuWatch.sample();
            LoadDataCeiling.Timing same = LoadDataCeiling.loadDumped(dataSource, dumped);
            line("  LOAD DATA of ingest's own rows, " + CpuWatch.since(sameCpu, same.seconds(), same.rows()).describe());
            ceiling = same.rows() / same.seconds();
            line(String.format(Locale.ROOT, "LOAD DATA ceiling: ingest's own %,d staged rows (%d tables) loaded again "
                    + "into empty copies of their tables, chunks of 2,000, one stream: %,.0f rows/s in %.1f s; "
                    + "the stg_s3_worker probe: %,.0f rows/s", same.rows(), dumped.tables().size(), ceiling,
                    same.seconds(), probeCeiling));
            if (options.patternCeiling() > 0) {
                patternCeiling(jdbc, dataSource, dumped, work, options.patternCeiling(), ceiling);
            }
            if (options.twoAtOnce()) {
                twoAtOnce(jdbc, dataSource, dumped);
            }
            for (LoadDataCeiling.Table table : dumped.tables()) {
                Files.deleteIfExists(table.file());
            }

            if (options.ingestOnly()) {
                mastersDigest = "";
                kpisDigest = "";
            } else {
                stages.add(stage("reconcile", "staged rows", () -> {
                    JobOutcome outcome = context.getBean(ReconcileRun.class).run(null);
                    Long rows = jdbc.queryForObject("""
                            SELECT (SELECT COUNT(*) FROM org_source) + (SELECT COUNT(*) FROM worker_source)""", Long.class);
                    return new Done(rows, outcome(outcome));
                }));
                line("  masters: " + jdbc.queryForObject("SELECT COUNT(*) FROM org_master", Long.class)
                        + " organizations, " + jdbc.queryForObject("SELECT COUNT(*) FROM worker_master", Long.class)
                        + " workers; conflicts " + jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_conflict", Long.class)
                        + ", review pairs " + jdbc.queryForObject("SELECT COUNT(*) FROM org_review", Long.class));

                stages.add(stage("indicators", "figures", () -> {
                    // indicatorsJob: one partition per scope, largest first, on a pool of one thread per
                    // processor or, with remote workers, on the workers
                    IndicatorsRun.Result result = context.getBean(IndicatorsRun.class)
                            .allScopes(month, List.of("shijiazhuang-2020"));
                    Long values = jdbc.queryForObject("SELECT COUNT(*) FROM indicator_value", Long.class);
                    return new Done(values, outcome(result.outcome()) + " (" + result.runsByScope().size()
                            + " scopes: the root, provinces, cities, districts)");
                }));
                longestPartitions(jdbc, "indicatorsScopeStep");

                stages.add(stage("reports + delivery", "editions", () -> {
                    JobOutcome outcome = context.getBean(ReportRun.class).runMonth(month);
                    long pdfs;
                    try (Stream<Path> files = Files.exists(reports) ? Files.walk(reports) : Stream.empty()) {
                        pdfs = files.filter(p -> p.toString().endsWith(".pdf")).count();
                    }
                    long mails;
                    try (Stream<Path> files = Files.exists(outbox) ? Files.walk(outbox)
                            : Stream.empty()) {
                        mails = files.filter(p -> p.toString().endsWith(".eml")).count();
                    }
                    return new Done(pdfs, outcome(outcome) + ", " + pdfs + " PDFs, " + mails + " mails in the outbox");
                }));
                reportNationalEdition(reports, month);
                mastersDigest = mastersDigest(jdbc);
                kpisDigest = kpisDigest(reports);
                line("  digests: master records by source rows " + mastersDigest.substring(0, 16) + "…, kpis.json of every edition "
                        + kpisDigest.substring(0, 16) + "…");
            }
        } finally {
            workers.forEach(Process::destroy);
        }
        Measured m = new Measured(scale, counts, generateSeconds, stages, ceiling,
                stages.get(1).rate() / ceiling, probeCeiling, accounting, mastersDigest, kpisDigest);
        line(String.format(Locale.ROOT, "scale %s: pipeline %.1f s; ingest %,.0f rows/s = %.2f of the LOAD DATA ceiling "
                + "(%,.0f rows/s; %.2f of the stg_s3_worker probe); peak heap %d MB", scale, m.total(),
                stages.get(1).rate(), m.ingestRatio(), ceiling, stages.get(1).rate() / probeCeiling,
                m.peakHeap() >> 20));
        line("load average: " + loadAverage());
        return m;
    }

    /**
     * With {@code --slow-log=SECONDS}: every statement slower than that, with its plan, goes to {@code log} —
     * which statement of which stage stops growing linearly.
     */
    private void slowLog(JdbcTemplate jdbc, DataSource dataSource, double seconds, Path log) throws Exception {
        if (seconds <= 0) {
            return;
        }
        jdbc.execute("SET GLOBAL slow_query_log = OFF");
        jdbc.update("SET GLOBAL slow_query_log_file = ?", log.toAbsolutePath().toString());
        jdbc.execute("SET GLOBAL long_query_time = " + seconds);
        jdbc.execute("SET GLOBAL log_slow_verbosity = 'query_plan,explain'");
        jdbc.execute("SET GLOBAL slow_query_log = ON");
        // a session copies these when it connects: the pool's open connections would never log
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        line("  statements over " + seconds + " s: " + log);
    }

    private void reportNationalEdition(Path reports, YearMonth month) throws IOException {
        Path dir = reports.resolve(month.toString()).resolve(DivisionCode.ROOT);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".pdf")).forEach(p -> {
                    try {
                        line("  national edition: " + p + " (" + Files.size(p) / 1024 + " KB)");
                    } catch (IOException e) {
                        line("  national edition: " + p);
                    }
                });
            }
        } else {
            line("  national edition: none under " + dir);
        }
    }

    /** A {@code worker} JVM on the benchmark's database and broker. */
    private Process worker(ConfigurableApplicationContext context, int brokerPort, Path log, int threads)
            throws IOException {
        com.zaxxer.hikari.HikariDataSource dataSource = (com.zaxxer.hikari.HikariDataSource) context.getBean(DataSource.class);
        String url = dataSource.getJdbcUrl();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        // the collector the benchmark runs with (the pom's -Dbench.gc), so both modes are measured alike
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:+Use") && argument.endsWith("GC")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PipelineApplication.class.getName(), "worker",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + dataSource.getUsername(),
                "--pipeline.partitioning.mode=remote", "--pipeline.partitioning.broker-url=tcp://127.0.0.1:" + brokerPort,
                // one district at a time per worker by default (--worker-threads=N): two workers then load as
                // many districts at once as one 2-core node does
                "--pipeline.partitioning.worker-threads=" + threads, "--logging.file.name=" + log));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PIPELINE_IDENTITY_KEY", Files.readString(data.resolve("identity.key")).trim());
        // the embedded server's generated password (grants are on), by the environment, not the command line
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", dataSource.getPassword() == null ? "" : dataSource.getPassword());
        Path out = log.resolveSibling(log.getFileName() + ".out");
        builder.redirectErrorStream(true).redirectOutput(out.toFile());
        Process process = builder.start();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!(Files.exists(out) && Files.readString(out).contains("工作节点已启动"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("worker did not start; see " + out);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return process;
    }

    /** SHA-256 over every master record as the ordered list of its source rows (file, sheet, row): ids aside. */
    private static String mastersDigest(JdbcTemplate jdbc) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        jdbc.execute("SET SESSION group_concat_max_len = 1048576");
        for (String sql : List.of("""
                SELECT GROUP_CONCAT(CONCAT(f.path, ':', s.sheet_name, ':', t.row_no) ORDER BY f.path, s.sheet_name, t.row_no) k
                FROM org_source o JOIN org_master m ON m.id = o.master_id
                JOIN (SELECT 'S2' AS template, id, sheet_id, row_no FROM stg_s2_org_ledger
                      UNION ALL SELECT 'D1', id, sheet_id, row_no FROM stg_d1_org_registry) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                GROUP BY COALESCE(m.merged_into, o.master_id) ORDER BY k""", """
                SELECT GROUP_CONCAT(CONCAT(f.path, ':', s.sheet_name, ':', t.row_no) ORDER BY f.path, s.sheet_name, t.row_no) k
                FROM worker_source o
                JOIN (SELECT 'S3' AS template, id, sheet_id, row_no FROM stg_s3_worker
                      UNION ALL SELECT 'D3', id, sheet_id, row_no FROM stg_d3_certificate) t
                  ON t.template = o.template AND t.id = o.stg_id
                JOIN ingest_sheet s ON s.id = t.sheet_id JOIN ingest_file f ON f.id = s.file_id
                GROUP BY o.master_id ORDER BY k""")) {
            jdbc.query(sql, rs -> {
                sha.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            });
            sha.update((byte) '|');
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** SHA-256 over every edition's kpis.json, by its path under the reports folder. */
    private static String kpisDigest(Path reports) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.exists(reports) ? Files.walk(reports) : Stream.empty()) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("kpis.json")).sorted().toList()) {
                sha.update(reports.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(p));
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** The editions of the report run: the national one and one per district, each to one recipient. */
    private static List<String> editions(NationalScenario country) {
        List<String> out = new ArrayList<>();
        edition(out, 0, "national-monthly", DivisionCode.ROOT, "部领导", "leaders@mca.example.gov.cn");
        for (int d = 0; d < country.districtCount(); d++) {
            NationalScenario.District district = country.district(d);
            edition(out, d + 1, "district-" + district.code6() + "-monthly", district.code6() + "000000",
                    district.name() + "民政局", "mz-" + district.code6() + "@example.gov.cn");
        }
        return out;
    }

    private static void edition(List<String> out, int i, String name, String scope, String recipient, String address) {
        String key = "--pipeline.delivery.editions[" + i + "].";
        out.add(key + "name=" + name);
        out.add(key + "cadence=monthly");
        out.add(key + "scope=" + scope);
        out.add(key + "recipients[0].name=" + recipient);
        out.add(key + "recipients[0].address=" + address);
    }

    private NationalInbox.Counts generate(NationalScenario country, Path root, Options options) throws IOException {
        Path marker = root.resolve("complete-" + SCENARIO_VERSION + "-" + options.seed() + "-" + options.months().size());
        NationalInbox inbox = new NationalInbox(country);
        if (Files.isRegularFile(marker)) {
            // the counts are cheap to have again: write nothing, count what the scenario holds
            line("scenario on disk from an earlier run: " + root);
            inbox.count(options.months());
            return inbox.counts();
        }
        deleteTree(root);
        inbox.writeDivisions(root.resolve("divisions.csv"));
        inbox.writeMonths(root.resolve("inbox"), options.months(), Runtime.getRuntime().availableProcessors());
        Files.writeString(marker, inbox.counts().summary());
        return inbox.counts();
    }

    private record Done(long rows, String outcome) {
    }

    /**
     * Diagnosis, not the ceiling: ingest's rows loaded in ingest's shape (tables interleaved, loads of
     * {@code rowsPerLoad}), then the ceiling's shape once more right after, so the two are measured on
     * the machine as it is at that moment (a noisy machine moves by more than their difference).
     */
    private void patternCeiling(JdbcTemplate jdbc, DataSource dataSource, LoadDataCeiling.Dumped dumped, Path work,
            int rowsPerLoad, double ceiling) throws Exception {
        LoadDataCeiling.Dumped small = LoadDataCeiling.dump(dataSource, work.resolve("ceiling-rows-" + rowsPerLoad),
                rowsPerLoad);
        line("  before the load in ingest's shape: " + LoadDataCeiling.settle(jdbc));
        CpuWatch.Sample shapeCpu = CpuWatch.sample();
        LoadDataCeiling.Timing shape = LoadDataCeiling.loadDumpedInterleaved(dataSource, small);
        CpuWatch.Spent shapeSpent = CpuWatch.since(shapeCpu, shape.seconds(), shape.rows());
        line("  before the ceiling again: " + LoadDataCeiling.settle(jdbc));
        CpuWatch.Sample againCpu = CpuWatch.sample();
        LoadDataCeiling.Timing again = LoadDataCeiling.loadDumped(dataSource, dumped);
        CpuWatch.Spent againSpent = CpuWatch.since(againCpu, again.seconds(), again.rows());
        line(String.format(Locale.ROOT, "LOAD DATA in ingest's shape (%d tables under way together, loads of %,d rows): "
                + "%,.0f rows/s, %s; the ceiling's shape right after: %,.0f rows/s, %s (the ceiling itself: %,.0f rows/s)",
                small.tables().size(), rowsPerLoad, shape.rows() / shape.seconds(), shapeSpent.describe(),
                again.rows() / again.seconds(), againSpent.describe(), ceiling));
        for (LoadDataCeiling.Table table : small.tables()) {
            Files.deleteIfExists(table.file());
        }
    }

    /**
     * Diagnosis, not the ceiling: ingest's rows loaded again on one connection, on two at once into the
     * same tables, and on two at once each into its own tables, one after another on the machine as it
     * is at that moment. Ingest's district partitions load on two connections at once.
     */
    private void twoAtOnce(JdbcTemplate jdbc, DataSource dataSource, LoadDataCeiling.Dumped dumped) throws Exception {
        timedLoad(jdbc, "one connection", () -> LoadDataCeiling.loadDumped(dataSource, dumped));
        timedLoad(jdbc, "two at once, same tables", () -> LoadDataCeiling.loadDumpedTwoAtOnce(dataSource, dumped, true));
        timedLoad(jdbc, "two at once, tables of their own",
                () -> LoadDataCeiling.loadDumpedTwoAtOnce(dataSource, dumped, false));
    }

    /** One diagnostic load, after the server has written out its dirty pages, with its CPU. */
    private void timedLoad(JdbcTemplate jdbc, String way, Callable<LoadDataCeiling.Timing> load)
            throws Exception {
        line("  before the load on " + way + ": " + LoadDataCeiling.settle(jdbc));
        CpuWatch.Sample cpu = CpuWatch.sample();
        LoadDataCeiling.Timing timing = load.call();
        line(String.format(Locale.ROOT, "LOAD DATA of ingest's rows on %s: %,.0f rows/s in %.1f s, %s", way,
                timing.rows() / timing.seconds(), timing.seconds(),
                CpuWatch.since(cpu, timing.seconds(), timing.rows()).describe()));
    }

    /** The steps of the job a stage just ran: partitions summed per step, with the longest and their span. */
    private void steps(JdbcTemplate jdbc) {
        Long execution = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
        if (execution == null) {
            return;
        }
        StringBuilder text = new StringBuilder("    steps:");
        jdbc.query("""
                SELECT SUBSTRING_INDEX(STEP_NAME, ':', 1) AS step, COUNT(*) AS n,
                       SUM(TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME)) / 1e6 AS total,
                       MAX(TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME)) / 1e6 AS longest,
                       TIMESTAMPDIFF(MICROSECOND, MIN(START_TIME), MAX(END_TIME)) / 1e6 AS span,
                       SUM(ROLLBACK_COUNT) AS rollbacks
                FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?
                GROUP BY step ORDER BY MIN(START_TIME), step""", rs -> {
                    int n = rs.getInt("n");
                    text.append(n == 1 ? String.format(Locale.ROOT, " %s %.1f s;", rs.getString("step"), rs.getDouble("total"))
                            : String.format(Locale.ROOT, " %s ×%d (sum %.1f s, longest %.1f s, span %.1f s%s);",
                                    rs.getString("step"), n, rs.getDouble("total"), rs.getDouble("longest"),
                                    rs.getDouble("span"), rs.getLong("rollbacks") > 0 ? ", " + rs.getLong("rollbacks")
                                            + " chunks rolled back" : ""));
                }, execution);
        line(text.toString());
    }

    /** The three longest partitions of the last job execution's step, by name. */
    private void longestPartitions(JdbcTemplate jdbc, String step) {
        StringBuilder text = new StringBuilder("    longest partitions:");
        jdbc.query("""
                SELECT STEP_NAME, TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME) / 1e6 AS seconds
                FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
                AND STEP_NAME LIKE ? ORDER BY seconds DESC LIMIT 3""", rs -> {
                    text.append(String.format(Locale.ROOT, " %s %.1f s;", rs.getString(1), rs.getDouble(2)));
                }, step + ":%");
        line(text.toString());
    }

    private JdbcTemplate jdbc;

    private static final List<String> COUNTERS = List.of("Com_select", "Com_insert", "Com_update", "Com_delete",
            "Com_load", "Com_commit", "Handler_read_key", "Handler_read_next", "Handler_read_rnd_next",
            "Handler_write", "Innodb_deadlocks", "Innodb_row_lock_time");

    private Map<String, Long> serverCounters() {
        Map<String, Long> counters = new java.util.TreeMap<>();
        if (jdbc == null) {
            return counters;
        }
        jdbc.query("SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS", rs -> {
            for (String name : COUNTERS) {
                if (name.equalsIgnoreCase(rs.getString(1))) {
                    counters.put(name, Long.parseLong(rs.getString(2)));
                }
            }
        });
        return counters;
    }

    private Stage stage(String name, String unit, Callable<Done> work) throws Exception {
        System.out.println("-- " + name);
        Done done;
        HeapWatch.Figures heap;
        long start;
        long end;
        Map<String, Long> before = serverCounters();
        CpuWatch.Sample cpu = CpuWatch.sample();
        try (HeapWatch watch = HeapWatch.startUnsampled()) {
            start = System.nanoTime();
            done = work.call();
            end = System.nanoTime();
            heap = watch.stop();
        }
        CpuWatch.Spent spent = CpuWatch.since(cpu, (end - start) / 1e9, done.rows());
        Map<String, Long> after = serverCounters();
        Stage stage = new Stage(name, (end - start) / 1e9, done.rows(), unit, heap, databaseBytes(), done.outcome());
        if (jdbc != null && !name.equals("divisions")) {
            steps(jdbc);
        }
        if (!before.isEmpty()) {
            // what the server did for the stage: statements by kind, rows read by index and by scanning
            StringBuilder text = new StringBuilder("    server:");
            after.forEach((counter, value) -> text.append(String.format(Locale.ROOT, " %s %,d;",
                    counter.toLowerCase(Locale.ROOT), value - before.getOrDefault(counter, 0L))));
            line(text.toString());
        }
        line("    " + spent.describe());
        line(String.format(Locale.ROOT, "  %s: %.1f s, %,d %s (%s/s), peak heap %d MB (after GC %d MB), database %,d MB; %s",
                name, stage.seconds(), stage.rows(), unit, rate(stage.rate()), heap.sumOfPoolPeaks() >> 20, heap.maxAfterGc() >> 20,
                stage.dbBytes() >> 20, stage.outcome()));
        return stage;
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.2f" : "%,.0f", perSecond);
    }

    private static String outcome(JobOutcome outcome) {
        return outcome.succeeded() ? "COMPLETED" : outcome.describe();
    }

    /** The database's files on disk (tables, indexes, logs of the InnoDB system tablespace). */
    private long databaseBytes() throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("data"))) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private void table(List<Measured> measured) {
        line("");
        line("| scale | files | rows | stage | seconds | rows/s | peak heap MB (pool peaks; after GC) | database MB after | outcome |");
        line("|---:|---:|---:|---|---:|---:|---|---:|---|");
        for (Measured m : measured) {
            for (Stage s : m.stages()) {
                line(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %.1f | %s %s/s | %d; %d | %,d | %s |", m.scale(),
                        m.counts().files(), m.counts().rows(), s.name(), s.seconds(), rate(s.rate()), s.unit(),
                        s.heap().sumOfPoolPeaks() >> 20, s.heap().maxAfterGc() >> 20, s.dbBytes() >> 20, s.outcome()));
            }
            line(String.format(Locale.ROOT, "| %s | | | **whole pipeline** | **%.1f** | | %d | | ingest ÷ LOAD DATA ceiling %.2f "
                    + "(ceiling: its own rows %,.0f rows/s; %.2f of the stg_s3_worker probe, %,.0f rows/s) |",
                    m.scale(), m.total(), m.peakHeap() >> 20, m.ingestRatio(), m.ceiling(),
                    m.ingestRatio() * m.ceiling() / m.probeCeiling(), m.probeCeiling()));
        }
        if (measured.size() > 1) {
            // consecutive scales: time ratio, and time ratio ÷ size ratio (1.00 is linear growth)
            Measured smallest = measured.get(0);
            line("");
            line("| growth between consecutive scales | size ratio (rows) | " + String.join(" | ",
                    smallest.stages().stream().map(Stage::name).toList()) + " | whole pipeline |");
            line("|---|---:|" + "---:|".repeat(smallest.stages().size()) + "---:|");
            for (int i = 1; i < measured.size(); i++) {
                Measured previous = measured.get(i - 1);
                Measured m = measured.get(i);
                double size = (double) m.counts().rows() / previous.counts().rows();
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s → %s | %.2f |", previous.scale(),
                        m.scale(), size));
                for (Stage s : m.stages()) {
                    double time = s.seconds() / previous.stage(s.name()).seconds();
                    row.append(String.format(Locale.ROOT, " %.2f× (÷ size %.2f) |", time, time / size));
                }
                double whole = m.total() / previous.total();
                row.append(String.format(Locale.ROOT, " %.2f× (÷ size %.2f) |", whole, whole / size));
                line(row.toString());
            }
            line("(a time ratio ÷ size ratio of 1.00 is linear growth; above 1, faster than the data)");
        }
        if (measured.size() > 1) {
            Measured first = measured.get(0);
            line("");
            line("| growth from scale " + first.scale() + " | rows | " + String.join(" | ",
                    first.stages().stream().map(Stage::name).toList()) + " | whole pipeline |");
            line("|---|---:|" + "---:|".repeat(first.stages().size()) + "---:|");
            for (Measured m : measured.subList(1, measured.size())) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s / %s | %.2f |", m.scale(),
                        first.scale(), (double) m.counts().rows() / first.counts().rows()));
                for (Stage s : m.stages()) {
                    row.append(String.format(Locale.ROOT, " %.2f |", s.seconds() / first.stage(s.name()).seconds()));
                }
                row.append(String.format(Locale.ROOT, " %.2f |", m.total() / first.total()));
                line(row.toString());
            }
        }
        Measured largest = measured.stream().max(Comparator.comparingDouble(Measured::scale)).orElseThrow();
        line("");
        line(String.format(Locale.ROOT, "largest scale %s: whole pipeline %.1f s (target < %.0f s: %s); peak heap %d MB "
                + "(target < %d MB: %s); ingest ÷ LOAD DATA ceiling %.2f (target ≥ %.1f: %s)", largest.scale(),
                largest.total(), TARGET_SECONDS, largest.total() < TARGET_SECONDS ? "met" : "NOT met",
                largest.peakHeap() >> 20, TARGET_HEAP >> 20, largest.peakHeap() < TARGET_HEAP ? "met" : "NOT met",
                largest.ingestRatio(), TARGET_INGEST_RATIO, largest.ingestRatio() >= TARGET_INGEST_RATIO ? "met" : "NOT met"));
        line("load average at the end: " + loadAverage());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private void line(String text) {
        System.out.println(text);
        lines.add(text);
    }

    private void save() throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
