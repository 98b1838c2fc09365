package cn.sanshe.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.cli.CommandLineFrame;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.reports.PdfText;
import cn.sanshe.pipeline.system.IdentityVault;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full demo run, then every export of every kind, the log, every mail and every PDF page scanned
 * for identity numbers in full or reconstructable: a masked number beside the birth date it hides.
 * And the demo gives stewards something to practise on: doubtful duplicates and every conflict kind.
 */
@SpringBootTest
class DemoPersonalDataIntegrationTests {

    static final Path WORK = Path.of("target/test-work");
    static final Path INBOX = WORK.resolve("inbox");
    static final Path REPORTS = WORK.resolve("reports");
    static final Path OUTBOX = WORK.resolve("outbox");
    static final Path EXPORTS = WORK.resolve("exports");
    static final Path LOG = Path.of("target/test.log");

    static final Pattern FULL = Pattern.compile("(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");
    static final Pattern MASK = Pattern.compile("(?<![0-9])([0-9]{6})\\*{8}([0-9]{3}[0-9X])(?![0-9])");
    static final Pattern DATE = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})[-./年]?(0?[1-9]|1[0-2])[-./月]?(0?[1-9]|[12][0-9]|3[01])日?(?![0-9])");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityVault vault;

    @Test
    void aFullDemoRunLeaksNoIdentityNumberAndGivesStewardsPractice() throws Exception {
        for (Path dir : List.of(INBOX, REPORTS, OUTBOX, EXPORTS)) {
            deleteRecursively(dir);
        }
        for (String table : new String[] {"org_review", "master_apart", "master_override", "master_field_source",
            "worker_cert_no", "reconcile_conflict", "steward_decision", "org_source", "worker_source", "org_master",
            "worker_master", "stg_s1_community", "stg_s2_org_ledger", "stg_s3_worker", "stg_s4_street_centre",
            "stg_d1_org_registry", "stg_d2_incubator", "stg_d3_certificate", "ingest_reject", "ingest_sheet",
            "ingest_drop", "ingest_file", "delivery_log", "division"}) {
            jdbc.update("DELETE FROM " + table);
        }
        Run demo = run("demo");
        assertThat(demo.status()).as(demo.out() + demo.err()).isZero();

        // Practice for stewards.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_review WHERE status = 'open'", Integer.class))
                .as("doubtful duplicates").isGreaterThanOrEqualTo(2);
        List<String> kinds = jdbc.queryForList("SELECT DISTINCT kind FROM reconcile_conflict WHERE status = 'open'",
                String.class);
        assertThat(kinds).containsExactlyInAnyOrder("WORKER_TWO_COMMUNITIES", "CERT_TWO_IDS", "ORG_ACTIVE_BUT_CANCELLED",
                "CERT_NOT_IN_REGISTER");

        // What an operator reads: conflicts and districts by name, a console command that exists.
        assertThat(demo.out()).contains("待处理冲突（持证名录中没有所填证书）：", "待处理冲突（同一证书编号对应两个身份证号）：",
                "控制台：" + CommandLineFrame.JAR + " serve", "收件箱内容：2026-09 ")
                .doesNotContain("CERT_NOT_IN_REGISTER", "CERT_TWO_IDS", "java -jar sanshe-pipeline.jar", "csv=");
        // The division load's parameter names a file that stays (jobs restart can read it again).
        assertThat(run("jobs", "list").out()).contains("file=" + Path.of(DemoRun.DEMO_DIVISIONS).toAbsolutePath().normalize());
        // The delivery table's columns line up whatever the length of an edition's name.
        assertThat(demo.out().lines().filter(line -> line.contains(" 正式版 ")).map(line -> line.indexOf(" 正式版 ")).distinct())
                .as(demo.out()).hasSize(1);
        Long ingest = jdbc.queryForObject("""
                SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'ingestJob'""",
                Long.class);
        Run show = run("jobs", "show", String.valueOf(ingest));
        assertThat(show.out()).as(show.out()).contains("  长安区：", "区县入库·长安区（ingestDistrictStep:district-130102）")
                .doesNotContain("区县 130102");

        // Every export, as an operator or steward would make it.
        Files.createDirectories(EXPORTS);
        List<List<String>> exports = List.of(
                List.of("export", "accounting", "--out", EXPORTS.resolve("accounting.csv").toString()),
                List.of("export", "rejects", "--out", EXPORTS.resolve("rejects.xlsx").toString()),
                List.of("export", "rejects", "--out", EXPORTS.resolve("rejects.csv").toString()),
                List.of("export", "rejects", "--unit", "130102001", "--out", EXPORTS.resolve("rejects-street.xlsx").toString()),
                List.of("export", "masters", "--kind", "worker", "--out", EXPORTS.resolve("masters-worker.csv").toString()),
                List.of("export", "masters", "--kind", "org", "--out", EXPORTS.resolve("masters-org.csv").toString()),
                List.of("export", "lineage", "--kind", "worker", "--out", EXPORTS.resolve("lineage-worker.csv").toString()),
                List.of("export", "lineage", "--kind", "org", "--out", EXPORTS.resolve("lineage-org.csv").toString()),
                List.of("review", "list", "--out", EXPORTS.resolve("review.csv").toString()),
                List.of("conflicts", "list", "--out", EXPORTS.resolve("conflicts.csv").toString()));
        StringBuilder screens = new StringBuilder(demo.out()).append('\n').append(demo.err());
        for (List<String> export : exports) {
            Run run = run(export.toArray(String[]::new));
            assertThat(run.status()).as(String.join(" ", export) + run.err()).isZero();
            screens.append(run.out()).append('\n');
        }
        for (String[] screen : new String[][] {{"review", "list"}, {"conflicts", "list"}, {"jobs", "list"}}) {
            screens.append(run(screen).out()).append('\n');
        }
        Files.writeString(EXPORTS.resolve("screens.txt"), screens, StandardCharsets.UTF_8);
        // Stewards' lists on the screen and in CSV: kinds and districts by name, headers in Chinese.
        assertThat(screens).contains("持证名录中没有所填证书  长安区  2026-10  社区工作者主记录 ", "  长安区  分数 ")
                .doesNotContain("  CERT_NOT_IN_REGISTER  ", "花名册上：130102001001");
        assertThat(Files.readString(EXPORTS.resolve("conflicts.csv"))).contains("编号,冲突,统计月份,对象,主记录,区县代码,区县,说明",
                ",同一证书编号对应两个身份证号,2026-10,社区工作者,");
        assertThat(Files.readString(EXPORTS.resolve("review.csv"))).contains("编号,区县代码,区县,主记录A,名称A", ",130102,长安区,");

        Set<String> real = realNumbers();
        assertThat(real).as("identity numbers the demo sent").hasSizeGreaterThan(500);
        List<String> findings = new ArrayList<>();
        int[] records = {0};
        List<Path> scanned = new ArrayList<>();
        for (Path root : List.of(EXPORTS, REPORTS, OUTBOX, LOG)) {
            for (Path file : files(root)) {
                scanned.add(file);
                for (String record : records(file)) {
                    records[0]++;
                    findings.addAll(scan(file + ": ", record, real));
                }
            }
        }
        assertThat(scanned).as("exports, reports (PDF, kpis), mails and the log")
                .anyMatch(p -> p.toString().endsWith(".pdf")).anyMatch(p -> p.toString().endsWith(".eml"))
                .anyMatch(p -> p.toString().endsWith("kpis.csv")).anyMatch(p -> p.toString().endsWith(".xlsx"))
                .anyMatch(p -> p.equals(LOG));
        assertThat(records[0]).isGreaterThan(10_000);
        assertThat(findings).as("identity numbers in full or reconstructable").isEmpty();
        // The masks are there: the scan looked at what it should.
        assertThat(Files.readString(EXPORTS.resolve("masters-worker.csv"))).containsPattern(MASK.pattern())
                .doesNotContain("birth_date").contains("birth_year");
    }

    @Test
    void theScanFindsAFullNumberAndAMaskBesideItsBirthDate() {
        String real = "130102198503050119";
        Set<String> known = Set.of(real);
        assertThat(scan("", "张伟," + real + ",男", known)).hasSize(1);
        assertThat(scan("", "张伟,130102********0119,男,1985-03-05", known)).hasSize(1);
        assertThat(scan("", "张伟\t130102********0119\t1985年3月5日", known)).hasSize(1);
        assertThat(scan("", "张伟,130102********0119,男,1985", known)).isEmpty();
        assertThat(scan("", "张伟,130102********0119,男,2019-03-05", known)).isEmpty();
    }

    /** Every identity number the demo sent, from the protected copies in the database. */
    private Set<String> realNumbers() {
        Set<String> real = new HashSet<>();
        for (String table : new String[] {"worker_master", "stg_s3_worker", "stg_d3_certificate"}) {
            jdbc.queryForList("SELECT id_cipher FROM " + table, String.class).forEach(c -> real.add(vault.decrypt(c)));
        }
        JsonMapper json = JsonMapper.builder().build();
        for (String cipher : jdbc.queryForList("SELECT raw_cipher FROM ingest_reject", String.class)) {
            Map<?, ?> cells = json.readValue(vault.decrypt(cipher), Map.class);
            cells.values().forEach(v -> {
                Matcher m = FULL.matcher(String.valueOf(v));
                while (m.find()) {
                    real.add(m.group(1).toUpperCase());
                }
            });
        }
        return real;
    }

    /** What an exposed number looks like in a record (a line, a row, a page line). */
    static List<String> scan(String where, String record, Set<String> real) {
        List<String> found = new ArrayList<>();
        Matcher full = FULL.matcher(record);
        while (full.find()) {
            String candidate = full.group(1).toUpperCase();
            boolean valid = IdentityNumber.check(candidate, LocalDate.now()).isValid() && candidate.length() == 18;
            if (real.contains(candidate) || valid) {
                found.add(where + "full number " + IdentityNumber.mask(candidate));
            }
        }
        Matcher mask = MASK.matcher(record);
        while (mask.find()) {
            Matcher date = DATE.matcher(record);
            while (date.find()) {
                String digits = date.group(1) + two(date.group(2)) + two(date.group(3));
                String rebuilt = mask.group(1) + digits + mask.group(2);
                if (real.contains(rebuilt)) {
                    found.add(where + "mask " + mask.group() + " beside the birth date it hides");
                }
            }
        }
        return found;
    }

    private static String two(String n) {
        return n.length() == 1 ? "0" + n : n;
    }

    /** A file as the records a reader sees together: lines, sheet rows, PDF lines, mail parts. */
    static List<String> records(Path file) throws Exception {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".xlsx")) {
            List<String> rows = new ArrayList<>();
            DataFormatter formatter = new DataFormatter();
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
                for (Sheet sheet : book) {
                    for (Row row : sheet) {
                        StringBuilder text = new StringBuilder();
                        for (Cell cell : row) {
                            text.append(cell.getCellType() == CellType.NUMERIC ? formatter.formatCellValue(cell)
                                    : cell.toString()).append('\t');
                            if (cell.getCellComment() != null) {
                                text.append(cell.getCellComment().getString().getString()).append('\t');
                            }
                        }
                        rows.add(text.toString());
                    }
                }
            }
            return rows;
        }
        if (name.endsWith(".pdf")) {
            return PdfText.read(file).lines();
        }
        if (name.endsWith(".eml")) {
            List<String> parts = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                parts.add(message.getSubject());
                collect(message.getContent(), parts);
            }
            return parts;
        }
        if (name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".log")
                || name.endsWith(".eml")) {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        return List.of(Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    private static void collect(Object content, List<String> parts) throws Exception {
        if (content instanceof String text) {
            parts.addAll(text.lines().toList());
        } else if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getContentType().toLowerCase().contains("pdf")) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    part.getInputStream().transferTo(bytes);
                    try (PDDocument pdf = Loader.loadPDF(bytes.toByteArray())) {
                        parts.addAll(new PDFTextStripper().getText(pdf).lines().toList());
                    }
                } else {
                    collect(part.getContent(), parts);
                }
            }
        } else if (content instanceof InputStream stream) {
            parts.add(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CommandLineFrame.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    private static List<Path> files(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
