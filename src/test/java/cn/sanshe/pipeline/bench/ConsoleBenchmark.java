package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.PipelineApplication;
import cn.sanshe.pipeline.console.ConsoleUsers;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.Role;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.IdentityVault;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console under a city's backlog: 100,000 open rejected rows and 50,000 open review pairs, the
 * console started on a loopback port, stewards logged in over HTTP as a browser does (form login
 * with the CSRF token), then each queue page requested {@value #REQUESTS} times after
 * {@value #WARMUP} warm-up requests, and {@value #SAVES} corrections saved (each re-validated and
 * loaded). Prints the p95 (and median, max) per page and for a save; target p95 under 300 ms on 2
 * cores. Bounded: a fixed number of requests, each with a 60 s timeout; loopback only.
 *
 * <p>Nothing is asserted; the figures are printed and kept in {@code target/bench/console-benchmark.txt}.
 * Own database under {@code target/bench-db/console}. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec@console-benchmark}.
 */
public final class ConsoleBenchmark {

    static final int REJECTS = 100_000;
    static final int PAIRS = 50_000;
    static final int WARMUP = 5;
    static final int REQUESTS = 40;
    static final int SAVES = 40;
    static final double TARGET_MS = 300;
    static final String PASSWORD = "bench-password-1";

    public static void main(String[] args) throws Exception {
        // Printed as they come, so a slow run shows where it is.
        List<String> lines = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line);
                return super.add(line);
            }
        };
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--pipeline.embedded-db.data-dir=target/bench-db/console/data",
                        "--pipeline.embedded-db.base-dir=target/bench-db/console/server",
                        "--pipeline.embedded-db.fresh-start=true", "--logging.file.name=target/bench-console.log",
                        "--server.address=127.0.0.1", "--server.port=0")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            context.getBean(DivisionLoader.class).load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
            backlog(jdbc, context.getBean(IdentityVault.class));
            ConsoleUsers users = context.getBean(ConsoleUsers.class);
            users.add("bench-district", Role.STEWARD, new Jurisdiction("130102"), PASSWORD, false);
            users.add("bench-street", Role.STEWARD, new Jurisdiction("130102001"), PASSWORD, false);
            lines.add(String.format(Locale.ROOT, "backlog: %d open rejects, %d open review pairs; built in %.1f s",
                    jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'", Integer.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM org_review WHERE status = 'open'", Integer.class),
                    (System.nanoTime() - start) / 1e9));
            lines.add("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            Browser district = new Browser(base, "bench-district");
            Browser street = new Browser(base, "bench-street");
            lines.add("page (steward)                                   requests  median ms  p95 ms  max ms  target");
            lines.add(time(district, "/rejects", "rejects, first page (district, 80,000 open)"));
            // Deep pages are read from a key (keyset paging): the key of the row 75,000 deep in the
            // district's list, as the 下一页 link of page 1,500 carries it; then 40 pages on by following
            // the page's own 下一页 link, each request a new page.
            String deepRejects = jdbc.queryForObject("""
                    SELECT CONCAT(unit_code, '_', template, '_', COALESCE(period, ''), '_', id) FROM ingest_reject
                    WHERE status = 'open' AND unit_code LIKE '130102%'
                    ORDER BY unit_code, template, period, id LIMIT 1 OFFSET 74999""", String.class);
            lines.add(time(district, "/rejects?after=" + deepRejects + "&n=1501",
                    "rejects, page 1,501 (district; key 75,000 deep)"));
            lines.add(follow(district, "/rejects?after=" + deepRejects + "&n=1501",
                    "rejects, pages 1,506-1,545 by 下一页 (district)"));
            lines.add(time(district, "/rejects?template=S3&reason=" + URLEncoder.encode("所属社区", StandardCharsets.UTF_8),
                    "rejects, filtered by template and reason"));
            lines.add(time(street, "/rejects", "rejects, first page (street, 50,000 open)"));
            lines.add(time(district, "/reviews", "review pairs, first page (district, 50,000)"));
            String deepPairs = jdbc.queryForObject("""
                    SELECT CONCAT(score, '_', id) FROM org_review WHERE status = 'open' AND district_code = '130102'
                    ORDER BY score DESC, id DESC LIMIT 1 OFFSET 44999""", String.class);
            lines.add(time(district, "/reviews?after=" + deepPairs + "&n=901",
                    "review pairs, page 901 (district; key 45,000 deep)"));
            lines.add(follow(district, "/reviews?after=" + deepPairs + "&n=901",
                    "review pairs, pages 906-945 by 下一页 (district)"));
            lines.add(time(street, "/reviews", "review pairs, first page (street, 25,000)"));
            lines.add(time(district, "/conflicts", "conflicts (district)"));
            lines.add(saves(district, jdbc));
            lines.add("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.write(Path.of("target/bench/console-benchmark.txt"), lines);
        // The embedded server's watcher thread would keep the JVM alive after the context closed.
        System.exit(0);
    }

    /** Rejects in 100 sheets (50 of street 130102001, 30 of 130102002, 20 of 130104001), pairs of 100,001 masters. */
    static void backlog(JdbcTemplate jdbc, IdentityVault vault) {
        jdbc.update("""
                INSERT INTO ingest_file (sha256, path, unit_code, district_code, period, size_bytes, modified_at, status, received_at)
                SELECT LPAD(HEX(seq), 64, '0'), CONCAT('2026-10/', u.unit, '/花名册-', seq, '.xlsx'), u.unit, LEFT(u.unit, 6),
                       '2026-10', 1000, 0, 'loaded', NOW(6)
                FROM seq_0_to_99 JOIN (SELECT 0 AS lo, 49 AS hi, '130102001' AS unit UNION ALL SELECT 50, 79, '130102002'
                                       UNION ALL SELECT 80, 99, '130104001') u ON seq BETWEEN u.lo AND u.hi""");
        jdbc.update("""
                INSERT INTO ingest_sheet (file_id, sheet_name, template, header_row, unit_code, district_code, period,
                                          rows_read, rows_loaded, rows_rejected, rows_skipped)
                SELECT id, '花名册', 'S3', 1, unit_code, district_code, period, 1000, 0, 1000, 0 FROM ingest_file""");
        List<Long> sheets = jdbc.queryForList("SELECT id FROM ingest_sheet ORDER BY id", Long.class);
        jdbc.execute("CREATE TEMPORARY TABLE bench_cipher (n INT PRIMARY KEY, c TEXT NOT NULL)");
        for (int n = 0; n < 100; n++) {
            String cells = "{\"姓名\":\"张" + n + "\",\"身份证号\":\"\",\"性别\":\"男\",\"学历\":\"本科\",\"职务\":\"社工\","
                    + "\"社工证等级\":\"无\",\"证书编号\":\"\",\"所属社区代码\":\"130102001999\"}";
            jdbc.update("INSERT INTO bench_cipher VALUES (?, ?)", n, vault.encrypt(cells));
        }
        jdbc.update("CREATE TEMPORARY TABLE bench_sheet (n INT PRIMARY KEY, id BIGINT, unit VARCHAR(9))");
        for (int n = 0; n < sheets.size(); n++) {
            jdbc.update("INSERT INTO bench_sheet SELECT ?, id, unit_code FROM ingest_sheet WHERE id = ?", n, sheets.get(n));
        }
        jdbc.update("""
                INSERT INTO ingest_reject (sheet_id, row_no, template, unit_code, district_code, period, raw_cipher, reasons,
                                           status, created_at)
                SELECT s.id, 2 + FLOOR(q.seq / 100), 'S3', s.unit, LEFT(s.unit, 6), '2026-10', c.c,
                       CASE q.seq % 3 WHEN 0 THEN '所属社区代码 130102001999 不在区划表中' WHEN 1 THEN '缺少必填项：身份证号'
                            ELSE '性别“M”应为男或女；所属社区代码 130102001999 不在区划表中' END,
                       'open', NOW(6)
                FROM seq_0_to_99999 q JOIN bench_sheet s ON s.n = q.seq % 100 JOIN bench_cipher c ON c.n = q.seq % 100""");
        // Masters in communities of two streets of 长安区; pair i is (master i, master i + 1).
        jdbc.update("""
                INSERT INTO org_master (district_code, community_code, name, norm_name, reg_status, person_in_charge, phone,
                                        first_period, last_period, dirty, updated_at)
                SELECT '130102', IF(seq <= 50000, '130102001001', '130102002001'), CONCAT('阳光社区协会', seq),
                       CONCAT('阳光社区协会', seq), '已备案', '王芳', '13800001111', '2026-10', '2026-10', FALSE, NOW(6)
                FROM seq_1_to_100001""");
        long first = jdbc.queryForObject("SELECT MIN(id) FROM org_master", Long.class);
        jdbc.update("""
                INSERT INTO org_review (district_code, master_a, master_b, score, evidence, status, opened_at)
                SELECT '130102', ? + 2 * (seq - 1), ? + 2 * (seq - 1) + 1, 0.70 + (seq % 20) / 100,
                       '名称相似度0.86（阳光社区协会 / 阳光社区协会）；负责人相同；电话不同或缺；同社区', 'open', NOW(6)
                FROM seq_1_to_50000""", first, first);
        jdbc.execute("ANALYZE TABLE ingest_reject, org_review, org_master");
    }

    static String time(Browser browser, String path, String label) throws Exception {
        // The first request counts the queue (counts are then kept 30 s): reported as "first".
        long first = System.nanoTime();
        browser.get(path);
        double firstMillis = (System.nanoTime() - first) / 1e6;
        for (int i = 1; i < WARMUP; i++) {
            browser.get(path);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = browser.get(path);
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        return line(label, millis) + String.format(Locale.ROOT, "  (first %.0f ms)", firstMillis);
    }

    /**
     * {@value #REQUESTS} pages in a row, each reached by the 下一页 link of the one before, as a
     * steward pages through; the first {@value #WARMUP} pages from the start are warm-up.
     */
    static String follow(Browser browser, String start, String label) throws Exception {
        String path = start;
        for (int i = 0; i < WARMUP; i++) {
            path = next(browser.get(path), path);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long begin = System.nanoTime();
            HttpResponse<String> response = browser.get(path);
            millis.add((System.nanoTime() - begin) / 1e6);
            path = next(response, path);
        }
        return line(label, millis);
    }

    /** The address the page's 下一页 link leads to. */
    static String next(HttpResponse<String> page, String path) {
        Matcher matcher = Pattern.compile("<a id=\"next\" href=\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException(path + ": no 下一页 link (" + page.statusCode() + ")");
        }
        return org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1));
    }

    /** Corrections of distinct rejects of the district, each validated and loaded under its row. */
    static String saves(Browser browser, JdbcTemplate jdbc) throws Exception {
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM ingest_reject WHERE status = 'open' AND unit_code = '130102001' ORDER BY id LIMIT ?""",
                Long.class, SAVES + WARMUP);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String page = browser.get("/rejects/" + ids.get(i)).body();
            List<String> cells = new ArrayList<>();
            Matcher matcher = Pattern.compile("<input name=\"cell\" id=\"cell-\\d+\" size=\"30\"\\s+value=\"([^\"]*)\"")
                    .matcher(page);
            while (matcher.find()) {
                cells.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)));
            }
            cells.set(1, idNumber(i));
            cells.set(7, "130102001002");
            StringBuilder form = new StringBuilder("_csrf=" + browser.csrf(page));
            for (String cell : cells) {
                form.append("&cell=").append(URLEncoder.encode(cell, StandardCharsets.UTF_8));
            }
            long start = System.nanoTime();
            HttpResponse<String> response = browser.post("/rejects/" + ids.get(i), form.toString());
            double took = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 302) {
                throw new IllegalStateException("save answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= WARMUP) {
                millis.add(took);
            }
        }
        Integer corrected = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE status = 'corrected'", Integer.class);
        return line("save a correction (re-validated, loaded; " + corrected + " loaded)", millis);
    }

    static String idNumber(int n) {
        String first17 = "1301021990" + String.format("%02d", 1 + n % 12) + "01" + String.format("%03d", 2 * n + 1);
        return first17 + cn.sanshe.pipeline.identifiers.IdentityNumber.checkCharacter(first17);
    }

    static String line(String label, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        return String.format(Locale.ROOT, "%-48s %8d  %9.1f  %6.1f  %6.1f  %s", label, sorted.size(),
                sorted.get(sorted.size() / 2), p95, sorted.get(sorted.size() - 1), p95 < TARGET_MS ? "met" : "NOT met");
    }

    /** A logged-in session over loopback HTTP, as a browser holds one. */
    static final class Browser {
        final String base;
        final HttpClient client;

        Browser(String base, String username) throws Exception {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String login = get("/login").body();
            HttpResponse<String> response = post("/login", "username=" + username + "&password=" + PASSWORD + "&_csrf="
                    + csrf(login));
            if (!"/".equals(response.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse(""))) {
                throw new IllegalStateException("login failed: " + response.headers().map());
            }
        }

        String csrf(String page) {
            Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token on the page");
            }
            return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
