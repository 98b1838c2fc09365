package cn.sanshe.pipeline.demo;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.console.ConsoleUsers;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.Role;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.delivery.ReportRun;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The demo end to end over whatever stages exist: reference data, the inbox, then each stage.
 * Safe to run again: the reference is loaded once, an existing inbox is kept as it is.
 */
@Service
@EnableConfigurationProperties(DemoProperties.class)
public class DemoRun {

    static final String DEMO_CITY = "130100000000";
    static final String DEMO_DIVISIONS = "sql/reference/divisions-130100-shijiazhuang.csv";

    private final DivisionLoader divisions;
    private final IngestRun ingest;
    private final ReconcileRun reconcile;
    private final ReportRun reports;
    private final JdbcTemplate jdbc;
    private final PipelineProperties paths;
    private final DemoProperties demo;
    private final Clock clock;
    private final ConsoleUsers users;

    DemoRun(DivisionLoader divisions, IngestRun ingest, ReconcileRun reconcile, ReportRun reports,
            JdbcTemplate jdbc, PipelineProperties paths, DemoProperties demo, ConsoleUsers users) {
        this.users = users;
        this.divisions = divisions;
        this.ingest = ingest;
        this.reconcile = reconcile;
        this.reports = reports;
        this.jdbc = jdbc;
        this.paths = paths;
        this.demo = demo;
        this.clock = Clock.systemDefaultZone();
    }

    /** What the demo did, as lines for the terminal. */
    public record Report(boolean succeeded, List<String> lines) {
    }

    public Report run() throws Exception {
        List<String> lines = new ArrayList<>();
        if (!loadReferenceIfMissing(lines)) {
            return new Report(false, lines);
        }
        Path inbox = paths.inbox().toAbsolutePath().normalize();
        if (isEmpty(inbox)) {
            List<YearMonth> months = demo.monthsBefore(YearMonth.now(clock));
            DemoInbox.Summary summary = DemoInbox.write(inbox, months, demo.seed());
            lines.add("已生成示范收件箱 " + inbox + "：" + summary.files().size() + " 个文件，月份 " + months);
        } else {
            lines.add("使用已有收件箱 " + inbox + "（非空，未重新生成）");
        }
        lines.add(describeInbox(inbox));
        lines.add("区划表：" + divisions.count() + " 个单位。");
        IngestRun.Result ingested = ingest.inbox(inbox, null);
        lines.add("入库：");
        lines.addAll(ingested.summary());
        lines.add(ingested.outcome().describe());
        lines.add("核对与退回记录：" + CommandLineFrame.JAR + " export accounting --out accounting.csv；"
                + "export rejects --out rejects.xlsx");
        if (!ingested.outcome().succeeded()) {
            return new Report(false, lines);
        }
        JobOutcome reconciled = reconcile.run(null);
        lines.add("主数据：");
        if (reconciled.succeeded()) {
            lines.addAll(reconcile.summary());
        }
        lines.add(reconciled.describe());
        if (!reconciled.succeeded()) {
            return new Report(false, lines);
        }
        // Every edition of jobs/editions.yml for the inbox's last month and its year: rendered, then
        // mailed once to each recipient (as .eml files in the outbox unless an SMTP host is set) —
        // only when the period is final; a period still open is said so and left for later.
        YearMonth month = lastMonth(inbox);
        boolean delivered = true;
        for (String period : List.of(month.toString(), String.valueOf(month.getYear()))) {
            JobOutcome outcome;
            try {
                outcome = reports.run(period);
            } catch (ReportRun.NotFinalException notFinal) {
                lines.add("报表与发送（" + period + "）：" + notFinal.getMessage());
                continue;
            }
            lines.add("报表与发送（" + period + "）：");
            lines.addAll(reports.status(period).stream().map(line -> "  " + line).toList());
            lines.add(outcome.describe());
            delivered &= outcome.succeeded();
        }
        lines.add("报表：" + paths.reports().toAbsolutePath().normalize() + "；邮件：" + paths.outbox().toAbsolutePath()
                .normalize());
        lines.addAll(demoUsers());
        return new Report(delivered, lines);
    }

    /** The demo's console levels: the city, 长安区 and its 建北街道. */
    static final Map<String, String> DEMO_LEVELS = new java.util.LinkedHashMap<>(Map.of());

    static {
        DEMO_LEVELS.put("city", "1301");
        DEMO_LEVELS.put("district", "130102");
        DEMO_LEVELS.put("street", "130102001");
    }

    /**
     * One console user per role and level, made once, with documented passwords (a demo only:
     * real accounts are made with {@code users add … --password-stdin}).
     */
    private List<String> demoUsers() {
        List<String> lines = new ArrayList<>();
        lines.add("控制台：" + CommandLineFrame.JAR + " serve（或 ./mvnw spring-boot:run -Dspring-boot.run.arguments=serve），"
                + "浏览器打开 http://127.0.0.1:8080/ 。示范用户（用户名 / 密码，仅供演示）：");
        for (Role role : Role.values()) {
            StringBuilder line = new StringBuilder("  " + role.title() + "：");
            DEMO_LEVELS.forEach((level, code) -> {
                String name = "demo-" + role.name().toLowerCase() + "-" + level;
                String password = name + "-pw";
                users.addIfMissing(name, role, new Jurisdiction(code), password);
                line.append(name).append(" / ").append(password).append("  ");
            });
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The newest month folder of the inbox (folders are named yyyy-MM). */
    private static YearMonth lastMonth(Path inbox) throws IOException {
        try (Stream<Path> months = Files.list(inbox)) {
            return months.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d{4}-\\d{2}"))
                    .map(YearMonth::parse).max(YearMonth::compareTo)
                    .orElseThrow(() -> new IllegalStateException("收件箱中没有月份文件夹：" + inbox));
        }
    }

    private boolean loadReferenceIfMissing(List<String> lines) throws Exception {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class,
                DEMO_CITY);
        if (present != null && present > 0) {
            lines.add("示范城市区划已在区划表中，跳过加载。");
            return true;
        }
        // In a checkout the file itself is loaded, so the job's parameter names a file that stays there
        // (jobs list, jobs restart); from the jar a copy of the jar's own, kept beside the data.
        Path checkout = Path.of(DEMO_DIVISIONS);
        Path copy = Files.isRegularFile(checkout) ? checkout : Path.of("data", "demo", checkout.getFileName().toString());
        if (copy != checkout) {
            Files.createDirectories(copy.getParent());
            try (InputStream in = new ClassPathResource(DEMO_DIVISIONS).getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        DivisionLoader.Result result = divisions.load(copy);
        if (!result.outcome().succeeded()) {
            lines.addAll(result.problems());
            lines.add(result.outcome().describe());
            return false;
        }
        lines.add("已加载示范城市区划（" + copy.toAbsolutePath().normalize() + "）。");
        return true;
    }

    private static boolean isEmpty(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Files per month and format, as an operator reads it: {@code 2026-09 99 个（csv 29、xls 31、xlsx 39）}. */
    private static String describeInbox(Path inbox) throws IOException {
        Map<String, Map<String, Long>> counts;
        try (Stream<Path> files = Files.walk(inbox)) {
            counts = files.filter(Files::isRegularFile)
                    .map(inbox::relativize)
                    .collect(Collectors.groupingBy(path -> path.getName(0).toString(), TreeMap::new,
                            Collectors.groupingBy(path -> extension(path.getFileName().toString()), TreeMap::new,
                                    Collectors.counting())));
        }
        return "收件箱内容：" + counts.entrySet().stream()
                .map(month -> month.getKey() + " " + month.getValue().values().stream().mapToLong(Long::longValue).sum()
                        + " 个（" + month.getValue().entrySet().stream().map(kind -> kind.getKey() + " " + kind.getValue())
                                .collect(Collectors.joining("、")) + "）")
                .collect(Collectors.joining("；"));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "(无扩展名)" : name.substring(dot + 1).toLowerCase();
    }
}
