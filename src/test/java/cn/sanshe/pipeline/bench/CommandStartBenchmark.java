package cn.sanshe.pipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a read-only command takes to start, before and after the cuts, side by side in one
 * run: {@code jobs list}, {@code schedule list} and {@code report} of one edition, each run as
 * an operator runs it ({@code java -jar}), with its start broken down by phase
 * ({@code --pipeline.startup-report=true}: JVM to Spring context, database start or join,
 * migrations, scheduler, the rest of the context, the command's own work).
 *
 * <p>The database is already running, as on a machine where {@code serve} runs: the benchmark
 * starts it once, outside the timing ({@link DatabaseHolder}, a process that only holds the
 * working directory's embedded server), migrates it and loads the division reference; every timed
 * command joins it. At the end, with the holder gone, one {@code jobs list} starts the server
 * itself, for comparison.
 *
 * <p>Before: the application started whole, as it was ({@code -Dpipeline.eager=true}; report
 * templates compiled on every run). After: lazy initialisation and the read-only cuts ({@code jobs
 * list}, {@code jobs show}, {@code schedule list} and {@code report} do this by themselves: no
 * Flyway validation of a current schema, report templates compiled once and kept); the same with a
 * class-data-sharing archive of the application's classes (JDK 17's dynamic CDS,
 * {@code -XX:SharedArchiveFile}, on the jar extracted by Spring Boot's jarmode tools); and that with
 * the JIT kept to its first tier ({@code -XX:TieredStopAtLevel=1}: a short command does not wait
 * for the optimising compiler's threads on two cores; not for long jobs).
 *
 * <p>Usage: {@code java -cp target/test-classes cn.sanshe.pipeline.bench.CommandStartBenchmark
 * target/sanshe-pipeline-0.1.0-SNAPSHOT.jar [runs]}; prints the table and keeps it in
 * target/bench/command-start.txt.
 */
public final class CommandStartBenchmark {

    private static final Pattern PHASES = Pattern.compile("startup-phases (.*)");
    private static final Path WORK = Path.of("target/bench/cli");

    private CommandStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Files.createDirectories(WORK);
        Path dataDir = WORK.resolve("db/data");
        Path baseDir = WORK.resolve("db/server");
        Path compiled = WORK.resolve("report-templates-compiled");
        List<String> settings = List.of("--pipeline.embedded-db.data-dir=" + dataDir,
                "--pipeline.embedded-db.base-dir=" + baseDir, "--pipeline.reports=" + WORK.resolve("reports"),
                "--pipeline.report.compiled-templates=" + compiled,
                "--pipeline.startup-report=true", "--logging.file.name=" + WORK.resolve("pipeline.log"));
        // A fresh database (the server's unpacked binaries kept) and no compiled templates kept from before.
        Files.createDirectories(WORK.resolve("db"));
        try (java.util.stream.Stream<Path> old = Files.list(WORK.resolve("db"))) {
            for (Path path : old.filter(p -> !p.getFileName().toString().equals("server")).toList()) {
                delete(path);
            }
        }
        delete(compiled);
        List<String> lines = new ArrayList<>();
        lines.add("load before: " + Files.readString(Path.of("/proc/loadavg")).strip() + " ("
                + Runtime.getRuntime().availableProcessors() + " cores)");

        Path extracted = WORK.resolve("extracted");
        Path archive = WORK.resolve("app.jsa");
        run(List.of("java", "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                extracted.toString()), List.of());
        Path extractedJar = extracted.resolve(jar.getFileName());

        // The database, started once and kept running outside the timing.
        long holderStart = System.nanoTime();
        Process holder = new ProcessBuilder("java", "-cp", extractedJar + java.io.File.pathSeparator
                + Path.of("target/test-classes").toAbsolutePath(), "cn.sanshe.pipeline.bench.DatabaseHolder", dataDir.toString(),
                baseDir.toString()).redirectErrorStream(true).start();
        String port = awaitLine(holder, "database-running port=");
        lines.add("database already running (port " + port + ", held by process " + holder.pid() + ", started in "
                + (System.nanoTime() - holderStart) / 1_000_000 + " ms outside the timing)");
        System.out.println(lines.get(lines.size() - 1));
        try {
            // Migrations and the division reference in place: what every run below finds.
            run(List.of("java", "-jar", jar.toString()), concat(List.of("divisions", "load",
                    "sql/reference/divisions-130100-shijiazhuang.csv"), settings));
            // The report's templates compiled once and kept (compiling is most of a first report's own work).
            run(List.of("java", "-jar", jar.toString()), concat(List.of("report", "--period", "2026-10", "--scope",
                    "130102000000", "--out", WORK.resolve("report-out").toString()), settings));
            // Training run: the classes a read-only command loads go into the archive.
            Files.deleteIfExists(archive);
            run(List.of("java", "-XX:ArchiveClassesAtExit=" + archive, "-jar", extractedJar.toString()),
                    concat(List.of("jobs", "list"), settings));

            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("jobs list", List.of("jobs", "list"));
            commands.put("schedule list", List.of("schedule", "list"));
            commands.put("report (长安区 2026-10)", List.of("report", "--period", "2026-10", "--scope", "130102000000",
                    "--out", WORK.resolve("report-out").toString()));
            lines.add(String.format("%-24s %-28s %8s   %s", "command", "variant", "wall ms", "start by phase (ms)"));
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                Map<String, List<String>> variants = new LinkedHashMap<>();
                variants.put("before (eager)", List.of("java", "-Dpipeline.eager=true", "-jar", jar.toString()));
                variants.put("after (lazy, cuts)", List.of("java", "-jar", jar.toString()));
                variants.put("after (lazy, cuts, CDS)", List.of("java", "-XX:SharedArchiveFile=" + archive,
                        "-Xshare:auto", "-jar", extractedJar.toString()));
                variants.put("after (lazy, cuts, CDS, C1)", List.of("java", "-XX:TieredStopAtLevel=1",
                        "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-jar", extractedJar.toString()));
                for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                    // before: as it was, templates compiled on every run
                    List<String> arguments = variant.getKey().startsWith("before")
                            ? concat(concat(command.getValue(), settings), List.of("--pipeline.report.compiled-templates="))
                            : concat(command.getValue(), settings);
                    for (int i = 0; i < runs; i++) {
                        lines.add(timed(command.getKey(), variant.getKey() + (runs > 1 ? " #" + (i + 1) : ""),
                                variant.getValue(), arguments));
                    }
                }
            }
        } finally {
            holder.getOutputStream().close();       // the holder leaves; as the last user it stops the server
            holder.waitFor(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        lines.add(timed("jobs list", "after, database NOT running", List.of("java", "-XX:SharedArchiveFile=" + archive,
                "-Xshare:auto", "-jar", extractedJar.toString()), concat(List.of("jobs", "list"), settings)));
        lines.add("load after: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Files.write(Path.of("target/bench/command-start.txt"), lines, StandardCharsets.UTF_8);
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static String timed(String command, String variant, List<String> java, List<String> arguments)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        String output = run(java, arguments);
        long wall = (System.nanoTime() - start) / 1_000_000;
        Matcher phases = PHASES.matcher(output);
        String line = String.format("%-24s %-28s %8d   %s", command, variant, wall,
                phases.find() ? phases.group(1) : "(no phase line)");
        System.out.println(line);
        return line;
    }

    /** Reads the process's output up to a line starting with the prefix; the rest is drained in the background. */
    private static String awaitLine(Process process, String prefix) throws IOException {
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the holder ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line.substring(prefix.length());
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the database holder ended without starting the database:\n" + seen);
    }

    private static String run(List<String> java, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = concat(java, arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("exit " + status + ": " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
