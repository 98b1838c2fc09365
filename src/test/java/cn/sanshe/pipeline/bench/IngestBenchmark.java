package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.IdentityVault;
import java.io.File;
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
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast a street's roster gets into the database, against how fast it could: ingests a generated
 * S3 worker roster of N rows (default 1,000,000) as .csv and as .xlsx and prints, from the same run,
 * per format:
 * <ul>
 *   <li>rows/s of each bare streaming parser over the same file (for .xlsx POI's event model,
 *       fastexcel-reader and our {@code WorkbookReaders}; for .csv commons-csv and ours), the fastest
 *       being the parser ceiling;</li>
 *   <li>rows/s of {@code LOAD DATA LOCAL INFILE} of the same rows, already prepared as staging rows,
 *       into the real {@code stg_s3_worker} in the job's chunks, once before and once after the
 *       end-to-end run: the faster is the database ceiling;</li>
 *   <li>rows/s end to end: {@code IngestRun.file}, the real job (read, validate, protect identity
 *       numbers, LOAD DATA, accounting), and its ratio to the slower ceiling (target ≥ 0.5);</li>
 *   <li>peak heap during the end-to-end run (target &lt; 512 MB; run with {@code -Xmx1g});</li>
 *   <li>where the end-to-end time goes.</li>
 * </ul>
 * Every timed phase follows an untimed warm-up on a smaller file (a tenth of the rows, at least
 * 20,000; parsers go over it three times). Nothing is asserted: the machines are shared and noisy,
 * so the figures are printed and compared as ratios within one run. The same lines go to
 * {@code target/bench/ingest-benchmark.txt}.
 *
 * <p>Arguments: {@code [rows] [--only csv|xlsx]}. Run with {@code ./mvnw -Pbench verify}
 * ({@code -Dbench.rows=200000} for a quicker run, {@code -Dbench.only=csv}).
 */
public final class IngestBenchmark {

    static final double TARGET_RATIO = 0.5;
    static final long HEAP_TARGET_MB = 512;
    private static final Path BENCH = Path.of("target", "bench");
    private static final Path INBOX = BENCH.resolve("inbox");
    private static final YearMonth PERIOD = YearMonth.parse(Roster.PERIOD);
    private static final int LOAD_WARM_UP_CHUNKS = 10;
    /** Passes over the warm-up file before a parser is timed: one is too few for the JIT to settle. */
    private static final int PARSER_WARM_UP_PASSES = 3;

    private final Report report;
    private final int rows;
    private final int warmRows;
    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;
    private DataSource dataSource;
    private IngestRun ingest;
    private JobControl jobs;
    private int chunkSize;
    private Long serverPid;
    private LoadDataCeiling.Prepared prepared;

    private IngestBenchmark(Report report, int rows) {
        this.report = report;
        this.rows = rows;
        this.warmRows = Math.min(rows, Math.max(20_000, rows / 10));
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        String only = "all";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].strip();
            if (arg.isEmpty()) {
                continue;
            }
            if (arg.equals("--only") && i + 1 < args.length) {
                only = args[++i].strip();
            } else if (arg.startsWith("--only=")) {
                only = arg.substring("--only=".length()).strip();
            } else if (arg.matches("[0-9_,]+")) {
                rows = Integer.parseInt(arg.replaceAll("[_,]", ""));
            } else {
                System.err.println("usage: IngestBenchmark [rows] [--only csv|xlsx]   (got " + arg + ")");
                System.exit(2);
            }
        }
        if (only.isEmpty()) {
            only = "all";
        }
        if (!List.of("all", "csv", "xlsx").contains(only) || rows < 1) {
            System.err.println("usage: IngestBenchmark [rows] [--only csv|xlsx]");
            System.exit(2);
        }
        preload(IngestBenchmark.class, "cn.sanshe.pipeline.bench");
        preload(IngestRun.class, "cn.sanshe.pipeline.ingest");
        Files.createDirectories(BENCH);
        Report report = new Report(BENCH.resolve("ingest-benchmark.txt"));
        int status = 0;
        IngestBenchmark benchmark = new IngestBenchmark(report, rows);
        try {
            benchmark.run(only.equals("all") ? List.of("csv", "xlsx") : List.of(only));
        } catch (Throwable e) {
            e.printStackTrace();
            report.line("");
            report.line("BENCHMARK FAILED: " + e);
            status = 1;
        } finally {
            benchmark.close();
            report.save();
        }
        // The embedded MariaDB is stopped by its shutdown hook.
        System.exit(status);
    }

    /**
     * Loads (without initialising) every class of a package and its sub-packages now. A run takes
     * minutes, and another build sharing {@code target/} may recompile — and for a moment delete —
     * the class files before a class the benchmark needs late is first loaded.
     */
    private static void preload(Class<?> anchor, String packageName) throws Exception {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(packageName.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return;   // from a jar: nothing can vanish
        }
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(dir)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : classFiles) {
            String relative = root.relativize(file).toString();
            String name = relative.substring(0, relative.length() - ".class".length()).replace(File.separatorChar, '.');
            Class.forName(name, false, anchor.getClassLoader());
        }
    }

    private void run(List<String> formats) throws Exception {
        report.line("# Ingest benchmark — " + LocalDateTime.now().withNano(0));
        report.line("");
        report.line(String.format(Locale.ROOT, "rows: %,d (warm-ups: %,d); JVM %s, %d CPUs, max heap %d MB, GC %s; "
                + "load average at start %s",
                rows, warmRows, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList()),
                loadAverage()));
        Map<String, Path[]> files = new java.util.LinkedHashMap<>();
        for (String format : formats) {
            Path file = Roster.file(INBOX, "roster", rows, format);
            Path warm = Roster.file(INBOX, "roster-warm-up", warmRows, format);
            for (Path path : List.of(warm, file)) {
                long start = System.nanoTime();
                boolean written = Roster.ensure(path, path == warm ? warmRows : rows, BENCH.resolve("generated"));
                System.out.printf(Locale.ROOT, "%s %s (%.1f MB)%s%n", written ? "generated" : "reusing", path,
                        Files.size(path) / 1e6, written ? String.format(Locale.ROOT, " in %.1f s",
                                (System.nanoTime() - start) / 1e9) : "");
            }
            files.put(format, new Path[] {file, warm});
        }
        startApplication();
        report.line(String.format(Locale.ROOT, "database: MariaDB %s (embedded, loopback), innodb_buffer_pool_size %d MB, "
                + "innodb_flush_log_at_trx_commit %s; job chunk size %d",
                jdbc.queryForObject("SELECT VERSION()", String.class),
                jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) / (1024 * 1024),
                jdbc.queryForObject("SELECT @@innodb_flush_log_at_trx_commit", String.class), chunkSize));
        report.save();
        for (String format : formats) {
            runFormat(format, files.get(format)[0], files.get(format)[1]);
            report.save();
        }
    }

    private void startApplication() throws Exception {
        long start = System.nanoTime();
        context = new SpringApplicationBuilder(PipelineApplication.class, StepTimings.class)
                .web(WebApplicationType.NONE)
                .run("--pipeline.embedded-db.data-dir=target/bench-db/data",
                        "--pipeline.embedded-db.base-dir=target/bench-db/server",
                        "--pipeline.embedded-db.fresh-start=true",
                        "--pipeline.inbox=" + INBOX,
                        "--logging.file.name=target/bench.log");
        jdbc = context.getBean(JdbcTemplate.class);
        dataSource = context.getBean(DataSource.class);
        ingest = context.getBean(IngestRun.class);
        jobs = context.getBean(JobControl.class);
        chunkSize = context.getEnvironment().getProperty("pipeline.ingest.chunk-size", Integer.class, 2000);
        context.getBean(DivisionLoader.class).load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
        System.out.printf(Locale.ROOT, "application and embedded database started, divisions loaded in %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    private void close() {
        if (context != null) {
            context.close();
        }
    }

    // ------------------------------------------------------------------------------------------------

    private record Measured(String what, long rows, double seconds, Cpu cpu) {
        double rate() {
            return rows / seconds;
        }
    }

    /**
     * CPU seconds used by this JVM and by the embedded server's process: on a shared machine the
     * wall-clock figures move with the neighbours' load, the CPU a phase needed much less.
     */
    private record Cpu(double jvm, double server) {
        Cpu since(Cpu before) {
            return new Cpu(jvm - before.jvm, server - before.server);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f + %.1f", jvm, server);
        }
    }

    private Cpu cpu() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new Cpu(jvm, serverCpuSeconds());
    }

    /** utime + stime of the embedded server (mariadbd), from /proc (NaN where there is none, as off Linux). */
    private double serverCpuSeconds() {
        try {
            if (serverPid == null) {
                serverPid = findServerPid();
            }
            if (serverPid < 0) {
                return Double.NaN;
            }
            String stat = Files.readString(Path.of("/proc", String.valueOf(serverPid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, utime 14 and stime 15 (1-based, man proc).
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long findServerPid() throws IOException {
        String dataDir = Path.of("target/bench-db").toAbsolutePath().toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().matches("[0-9]+")) {
                    continue;
                }
                try {
                    String command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if ((command.contains("mariadbd") || command.contains("mysqld")) && command.contains(dataDir)) {
                        return Long.parseLong(proc.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return -1;
    }

    private void runFormat(String format, Path file, Path warm) throws Exception {
        System.out.println();
        System.out.println("== " + format + " ==");
        List<Measured> parsers = new ArrayList<>();
        for (BareParsers.Parser parser : format.equals("csv") ? BareParsers.forCsv() : BareParsers.forXlsx()) {
            for (int pass = 0; pass < PARSER_WARM_UP_PASSES; pass++) {
                parser.parse(warm);
            }
            System.gc();
            Cpu cpu = cpu();
            long start = System.nanoTime();
            BareParsers.Count count = parser.parse(file);
            Measured m = new Measured("bare parse: " + parser.name(), count.rows(), (System.nanoTime() - start) / 1e9,
                    cpu().since(cpu));
            System.out.printf(Locale.ROOT, "  %s: %,d rows in %.2f s (%,.0f rows/s; %,d chars)%n", parser.name(),
                    count.rows(), m.seconds(), m.rate(), count.chars());
            parsers.add(m);
        }

        // LOAD DATA on both sides of the end-to-end run: on a noisy machine one slow measurement would
        // lower the ceiling and flatter the ratio; the faster of the two is the ceiling.
        Measured loadBefore = loadData("before end to end");
        System.out.printf(Locale.ROOT, "  LOAD DATA: %,d rows in %.2f s (%,.0f rows/s)%n", loadBefore.rows(),
                loadBefore.seconds(), loadBefore.rate());

        EndToEnd e2e = endToEnd(file, warm);
        System.out.printf(Locale.ROOT, "  end to end: %,d rows in %.2f s (%,.0f rows/s)%n", e2e.measured.rows(),
                e2e.measured.seconds(), e2e.measured.rate());

        Measured loadAfter = loadData("after end to end");
        System.out.printf(Locale.ROOT, "  LOAD DATA: %,d rows in %.2f s (%,.0f rows/s)%n", loadAfter.rows(),
                loadAfter.seconds(), loadAfter.rate());

        table(format, file, parsers, List.of(loadBefore, loadAfter), e2e);
    }

    private Measured loadData(String when) throws Exception {
        if (prepared == null) {
            long start = System.nanoTime();
            prepared = LoadDataCeiling.prepare(BENCH.resolve("staging-" + rows + ".tsv"), rows, chunkSize,
                    context.getBean(IdentityVault.class));
            System.out.printf(Locale.ROOT, "  prepared %,d staging rows in %.1f s (protecting ids %.1f s, "
                    + "formatting %.1f s)%n", rows, (System.nanoTime() - start) / 1e9, prepared.protectSeconds(),
                    prepared.formatSeconds());
        }
        cleanStaging();
        LoadDataCeiling.load(dataSource, prepared, Math.min(LOAD_WARM_UP_CHUNKS, prepared.chunks()));
        cleanStaging();
        Cpu cpu = cpu();
        LoadDataCeiling.Timing timing = LoadDataCeiling.load(dataSource, prepared, prepared.chunks());
        Cpu used = cpu().since(cpu);
        long inTable = jdbc.queryForObject("SELECT COUNT(*) FROM " + LoadDataCeiling.TABLE, Long.class);
        if (inTable != rows) {
            throw new IllegalStateException("LOAD DATA left " + inTable + " rows in the table, not " + rows);
        }
        cleanStaging();
        return new Measured(String.format(Locale.ROOT, "LOAD DATA LOCAL INFILE into %s, %,d chunks of %,d (%s)",
                LoadDataCeiling.TABLE, prepared.chunks(), chunkSize, when), timing.rows(), timing.seconds(), used);
    }

    private record EndToEnd(Measured measured, HeapWatch.Figures heap, List<String> accounting, List<String> summary,
            List<String[]> breakdown, boolean succeeded) {
    }

    private EndToEnd endToEnd(Path file, Path warm) throws Exception {
        cleanStaging();
        IngestRun.Result warmUp = ingest.file(warm.toAbsolutePath(), PERIOD, Roster.STREET);
        if (!warmUp.outcome().succeeded()) {
            throw new IllegalStateException("warm-up ingest failed: " + warmUp.outcome().describe());
        }
        cleanStaging();
        StepTimings.reset();
        IngestRun.Result result;
        HeapWatch.Figures heap;
        long start;
        long end;
        Cpu cpu;
        try (HeapWatch watch = HeapWatch.start()) {
            cpu = cpu();
            start = System.nanoTime();
            result = ingest.file(file.toAbsolutePath(), PERIOD, Roster.STREET);
            end = System.nanoTime();
            cpu = cpu().since(cpu);
            heap = watch.stop();
        }
        double seconds = (end - start) / 1e9;
        List<String> accounting = new ArrayList<>();
        long loaded = 0;
        for (Map<String, Object> sheet : jdbc.queryForList("""
                SELECT s.sheet_name, s.template, s.rows_read, s.rows_loaded, s.rows_rejected, s.rows_skipped, f.status
                FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id ORDER BY s.id""")) {
            accounting.add(String.format(Locale.ROOT, "sheet %s (%s, file %s): read %,d = loaded %,d + rejected %,d "
                    + "+ skipped %,d", sheet.get("sheet_name"), sheet.get("template"), sheet.get("status"),
                    ((Number) sheet.get("rows_read")).longValue(), ((Number) sheet.get("rows_loaded")).longValue(),
                    ((Number) sheet.get("rows_rejected")).longValue(), ((Number) sheet.get("rows_skipped")).longValue()));
            loaded += ((Number) sheet.get("rows_loaded")).longValue();
        }
        accounting.add(String.format(Locale.ROOT, "in the tables: stg_s3_worker %,d rows, ingest_reject %,d rows",
                jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject", Long.class)));
        List<String[]> breakdown = breakdown(result, seconds);
        cleanStaging();
        return new EndToEnd(new Measured("end to end: IngestRun.file (the ingest job)", loaded, seconds, cpu), heap,
                accounting, result.summary(), breakdown, result.outcome().succeeded());
    }

    /** Rows of {what, seconds, share of end to end}. */
    private List<String[]> breakdown(IngestRun.Result result, double total) {
        List<String[]> rows = new ArrayList<>();
        JobExecution execution = jobs.execution(result.outcome().executionId());
        double job = seconds(execution.getStartTime(), execution.getEndTime());
        rows.add(row("job launch and summary outside the job (IngestRun.file − job)", total - job, total));
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing(StepExecution::getStartTime));
        double inSteps = 0;
        StepExecution district = null;
        double manager = 0;
        for (StepExecution step : steps) {
            double s = seconds(step.getStartTime(), step.getEndTime());
            if (step.getStepName().startsWith("ingestDistrictStep")) {
                district = step;
            } else if (step.getStepName().equals("ingestLoadStep")) {
                manager = s;
            } else {
                String what = switch (step.getStepName()) {
                    case "ingestRegistryStep" -> "ingestRegistryStep (no registries for one file)";
                    case "ingestScanStep" -> "ingestScanStep (SHA-256 of the file, registration)";
                    default -> step.getStepName();
                };
                rows.add(row(what, s, total));
                inSteps += s;
            }
        }
        if (district != null) {
            double d = seconds(district.getStartTime(), district.getEndTime());
            double read = StepTimings.READ.seconds();
            double first = StepTimings.FIRST_READ_NANOS.get() / 1e9;
            double process = StepTimings.PROCESS.seconds();
            double write = StepTimings.WRITE.seconds();
            rows.add(row(String.format(Locale.ROOT, "%s: %,d items, %,d commits", district.getStepName(),
                    district.getReadCount(), district.getCommitCount()), d, total));
            if (StepTimings.READ.calls.get() == 0) {
                rows.add(new String[] {"  · (reader, processor and writer not recognised by StepTimings: no split)",
                    "", ""});
            } else {
                rows.add(row("  · first read(): until the first items are read and checked ahead (open the file, "
                        + "pre-flight pass CsvScan / XlsxInspector, find the header, check the first batch)", first, total));
                rows.add(row(String.format(Locale.ROOT, "  · read(): the other %,d calls — take items read and checked "
                        + "ahead (ReadAhead), waiting when the reading or checking threads are behind",
                        StepTimings.READ.calls.get() - 1), read - first, total));
                boolean concurrent = !StepTimings.PROCESS.threads.equals(StepTimings.READ.threads);
                if (concurrent) {
                    rows.add(row(String.format(Locale.ROOT, "  · write(): IngestWriter on %,d chunks — join the rows' "
                            + "LOAD DATA text, LOAD DATA, rejects, accounting", StepTimings.WRITE.calls.get()), write,
                            total));
                    rows.add(row("  · rest of the step's thread: commits, job repository per chunk, listeners",
                            d - read - write, total));
                    rows.add(row(String.format(Locale.ROOT, "  · (beside the step, on the read-ahead's checking threads) "
                            + "process(): RowChecker on %,d items — validate rows, protect identity numbers, write "
                            + "LOAD DATA text — wall time summed over %d threads %s",
                            StepTimings.PROCESS.calls.get(), StepTimings.PROCESS.threads.size(),
                            new java.util.TreeSet<>(StepTimings.PROCESS.threads)), process, total));
                } else {
                    rows.add(row(String.format(Locale.ROOT, "  · process(): RowChecker on %,d items — validate rows, "
                            + "protect identity numbers", StepTimings.PROCESS.calls.get()), process, total));
                    rows.add(row(String.format(Locale.ROOT, "  · write(): IngestWriter on %,d chunks — LOAD DATA text, "
                            + "LOAD DATA, rejects, accounting", StepTimings.WRITE.calls.get()), write, total));
                    rows.add(row("  · rest of the step: commits, job repository per chunk, listeners",
                            d - read - process - write, total));
                }
            }
            rows.add(row("partition handling around it (ingestLoadStep − district step)", manager - d, total));
            inSteps += manager;
        }
        rows.add(row("job outside its steps (launch, repository)", job - inSteps, total));
        if (prepared != null) {
            rows.add(row(String.format(Locale.ROOT, "for comparison, alone: IdentityVault.protect() × %,d",
                    prepared.rows()), prepared.protectSeconds(), total));
            rows.add(row(String.format(Locale.ROOT, "for comparison, alone: formatting %,d rows as LOAD DATA text",
                    prepared.rows()), prepared.formatSeconds(), total));
        }
        return rows;
    }

    private static double seconds(LocalDateTime from, LocalDateTime to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private static String[] row(String what, double seconds, double total) {
        return new String[] {what, String.format(Locale.ROOT, "%.2f", seconds),
            String.format(Locale.ROOT, "%.0f %%", 100 * seconds / total)};
    }

    private void cleanStaging() {
        for (String table : new String[] {"stg_s1_community", "stg_s2_org_ledger", "stg_s3_worker",
            "stg_s4_street_centre", "stg_d1_org_registry", "stg_d2_incubator", "stg_d3_certificate", "ingest_reject",
            "ingest_sheet", "ingest_drop", "ingest_file"}) {
            // TRUNCATE rather than DELETE: no million-row undo log for the purge thread to chew on
            // while the next phase is timed. The benchmark's database is its own.
            jdbc.execute("TRUNCATE TABLE " + table);
        }
    }

    // ------------------------------------------------------------------------------------------------

    private void table(String format, Path file, List<Measured> parsers, List<Measured> loads, EndToEnd e2e)
            throws IOException {
        Measured fastest = parsers.stream().max(Comparator.comparingDouble(Measured::rate)).orElseThrow();
        Measured load = loads.stream().max(Comparator.comparingDouble(Measured::rate)).orElseThrow();
        double ceiling = Math.min(fastest.rate(), load.rate());
        String slower = fastest.rate() <= load.rate() ? "the parser" : "LOAD DATA";
        double ratio = e2e.measured.rate() / ceiling;
        long mb = 1024 * 1024;
        long heapMb = e2e.heap.sumOfPoolPeaks() / mb;

        report.line("");
        report.line(String.format(Locale.ROOT, "## %s — %,d rows, %s (%.1f MB)", format, rows,
                file.getFileName(), Files.size(file) / 1e6));
        report.line("");
        report.line("| measurement | rows | seconds | rows/s | CPU s: JVM + server |");
        report.line("|---|---:|---:|---:|---:|");
        for (Measured m : parsers) {
            report.line(measuredRow(m));
        }
        report.line(measuredRow(loads.get(0)));
        report.line(measuredRow(e2e.measured));
        for (Measured m : loads.subList(1, loads.size())) {
            report.line(measuredRow(m));
        }
        report.line("");
        report.line("| verdict | value |");
        report.line("|---|---|");
        report.line(String.format(Locale.ROOT, "| parser ceiling (fastest bare parser: %s) | %,.0f rows/s |",
                fastest.what().replace("bare parse: ", ""), fastest.rate()));
        report.line(String.format(Locale.ROOT, "| LOAD DATA ceiling (the faster of its two runs) | %,.0f rows/s |",
                load.rate()));
        report.line(String.format(Locale.ROOT, "| ceiling = the slower of the two (%s) | %,.0f rows/s |", slower,
                ceiling));
        report.line(String.format(Locale.ROOT, "| end to end ÷ ceiling (target ≥ %.2f) | %.2f — meets target: %s |",
                TARGET_RATIO, ratio, ratio >= TARGET_RATIO ? "yes" : "no"));
        report.line(String.format(Locale.ROOT, "| end to end ÷ parser ceiling; ÷ LOAD DATA ceiling | %.2f; %.2f |",
                e2e.measured.rate() / fastest.rate(), e2e.measured.rate() / load.rate()));
        report.line(String.format(Locale.ROOT, "| peak heap, end to end (sum of heap pools' peaks; target < %d MB) "
                + "| %d MB of max %d MB — meets target: %s |", HEAP_TARGET_MB, heapMb, e2e.heap.maxHeap() / mb,
                heapMb < HEAP_TARGET_MB ? "yes" : "no"));
        report.line(String.format(Locale.ROOT, "| heap: highest total in use (sampled every 10 ms); highest just "
                + "after a collection (%d collections) | %d MB; %d MB |", e2e.heap.collections(),
                e2e.heap.sampledPeak() / mb, e2e.heap.maxAfterGc() / mb));
        report.line(String.format(Locale.ROOT, "| job | %s |", e2e.succeeded ? "COMPLETED" : "FAILED"));
        report.line("| machine load average (1 min) when the table was printed | " + loadAverage() + " |");
        for (String line : e2e.accounting) {
            report.line("| accounting | " + line + " |");
        }
        for (String line : e2e.summary) {
            report.line("| IngestRun summary | " + line.replace("|", "/") + " |");
        }
        report.line("");
        report.line("| where the end-to-end time goes | seconds | share |");
        report.line("|---|---:|---:|");
        report.line(String.format(Locale.ROOT, "| end to end (IngestRun.file) | %.2f | 100 %% |", e2e.measured.seconds()));
        for (String[] row : e2e.breakdown) {
            report.line("| " + row[0] + " | " + row[1] + " | " + row[2] + " |");
        }
    }

    /** How busy the (shared) machine is: other builds running beside the benchmark slow it down. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f on %d CPUs", load,
                Runtime.getRuntime().availableProcessors());
    }

    private static String measuredRow(Measured m) {
        return String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %s |", m.what(), m.rows(), m.seconds(), m.rate(),
                m.cpu());
    }

    /** Lines printed as they come and kept for {@code ingest-benchmark.txt}. */
    private static final class Report {
        private final Path file;
        private final List<String> lines = new ArrayList<>();

        Report(Path file) {
            this.file = file;
        }

        void line(String text) {
            System.out.println(text);
            lines.add(text);
        }

        void save() throws IOException {
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
    }
}
