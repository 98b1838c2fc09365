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
 * an operator runs it ({@code java -jar}) on its own database under target/bench/cli, with its
 * start broken down by phase ({@code --pipeline.startup-report=true}: JVM to Spring context,
 * database start, migrations, scheduler, the rest of the context, the command's own work).
 *
 * <p>Before: the application started whole ({@code -Dpipeline.eager=true}; {@code report} as it
 * is). After: lazy initialisation (what {@code jobs list} and {@code schedule list} now do by
 * themselves; {@code report} given {@code --spring.main.lazy-initialization=true}), and the same
 * with a class-data-sharing archive of the application's classes (JDK 17's dynamic CDS,
 * {@code -XX:SharedArchiveFile}, on the jar extracted by Spring Boot's jarmode tools).
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
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Files.createDirectories(WORK);
        List<String> settings = List.of("--pipeline.embedded-db.data-dir=" + WORK.resolve("db/data"),
                "--pipeline.embedded-db.base-dir=" + WORK.resolve("db/server"), "--pipeline.reports=" + WORK.resolve("reports"),
                "--pipeline.startup-report=true", "--logging.file.name=" + WORK.resolve("pipeline.log"));
        // A database with migrations and the division reference in place: what every run below finds.
        run(List.of("java", "-jar", jar.toString()), concat(List.of("divisions", "load",
                "sql/reference/divisions-130100-shijiazhuang.csv"), settings));

        Path extracted = WORK.resolve("extracted");
        Path archive = WORK.resolve("app.jsa");
        if (!Files.exists(extracted.resolve(jar.getFileName()))) {
            run(List.of("java", "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                    extracted.toString()), List.of());
        }
        Path extractedJar = extracted.resolve(jar.getFileName());
        // Training run: the classes a read-only command loads go into the archive.
        Files.deleteIfExists(archive);
        run(List.of("java", "-XX:ArchiveClassesAtExit=" + archive, "-jar", extractedJar.toString()),
                concat(List.of("jobs", "list"), settings));

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("jobs list", List.of("jobs", "list"));
        commands.put("schedule list", List.of("schedule", "list"));
        commands.put("report (长安区 2026-10)", List.of("report", "--period", "2026-10", "--scope", "130102000000",
                "--out", WORK.resolve("report-out").toString()));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-24s %-26s %8s   %s", "command", "variant", "wall ms", "start by phase (ms)"));
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
            boolean report = command.getKey().startsWith("report");
            List<String> lazy = report ? List.of("--spring.main.lazy-initialization=true") : List.of();
            Map<String, List<String>> variants = new LinkedHashMap<>();
            variants.put("before (eager)", List.of("java", "-Dpipeline.eager=true", "-jar", jar.toString()));
            variants.put("after (lazy)", List.of("java", "-jar", jar.toString()));
            variants.put("after (lazy + CDS archive)", List.of("java", "-XX:SharedArchiveFile=" + archive,
                    "-Xshare:auto", "-jar", extractedJar.toString()));
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                List<String> arguments = concat(command.getValue(), settings);
                if (!variant.getKey().startsWith("before")) {
                    arguments = concat(arguments, lazy);
                }
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    String output = run(variant.getValue(), arguments);
                    long wall = (System.nanoTime() - start) / 1_000_000;
                    Matcher phases = PHASES.matcher(output);
                    lines.add(String.format("%-24s %-26s %8d   %s", command.getKey(), variant.getKey() + " #" + (i + 1), wall,
                            phases.find() ? phases.group(1) : "(no phase line)"));
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
        }
        Files.write(Path.of("target/bench/command-start.txt"), lines, StandardCharsets.UTF_8);
        System.out.println();
        lines.forEach(System.out::println);
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

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
