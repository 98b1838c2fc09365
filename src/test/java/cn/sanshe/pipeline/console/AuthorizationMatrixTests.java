package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reconcile.steward.Reviews;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every role × jurisdiction (two streets of one district, the district, another district, the city)
 * × action (list, view, correct, upload, merge, apart, unmerge, resolve, export) over HTTP, on the
 * records of street A, street B, the other district and a conflict spanning streets A and B —
 * direct requests for another jurisdiction's ids included. Each cell runs in a transaction rolled
 * back after it, so every cell starts from the same data. Forged posts without a CSRF token are
 * refused and change nothing. Prints the matrix; zero leaks.
 */
@SpringBootTest
class AuthorizationMatrixTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    ConsoleUsers users;

    @Autowired
    Reviews reviews;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    MockMvc mvc;

    /** The records of a place: a reject, a review pair, a conflict (X: only a conflict). */
    record Target(String name, String street, Long reject, Long pair, long conflict) {
    }

    List<Target> targets;

    @BeforeEach
    void city() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        ConsoleCity.users(users);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        targets = List.of(
                new Target("A", ConsoleCity.STREET_A, first(ConsoleTestSupport.rejects(jdbc, ConsoleCity.STREET_A)),
                        first(ConsoleTestSupport.pairs(jdbc, ConsoleCity.STREET_A)),
                        ConsoleTestSupport.conflict(jdbc, "WORKER_TWO_COMMUNITIES", "130102001001、130102001002")),
                new Target("B", ConsoleCity.STREET_B, first(ConsoleTestSupport.rejects(jdbc, ConsoleCity.STREET_B)),
                        first(ConsoleTestSupport.pairs(jdbc, ConsoleCity.STREET_B)),
                        ConsoleTestSupport.conflict(jdbc, "WORKER_TWO_COMMUNITIES", "130102002001、130102002002")),
                new Target("O", ConsoleCity.OTHER_STREET, first(ConsoleTestSupport.rejects(jdbc, ConsoleCity.OTHER_STREET)),
                        first(ConsoleTestSupport.pairs(jdbc, ConsoleCity.OTHER_STREET)),
                        ConsoleTestSupport.conflict(jdbc, "WORKER_TWO_COMMUNITIES", "130104001001、130104001002")),
                new Target("X", null, null, null,
                        ConsoleTestSupport.conflict(jdbc, "WORKER_TWO_COMMUNITIES", "130102001001、130102002001")));
    }

    private static Long first(List<Long> ids) {
        assertThat(ids).isNotEmpty();
        return ids.get(0);
    }

    static final List<String> ACTIONS = System.getProperty("matrix.actions") != null
            ? List.of(System.getProperty("matrix.actions").split(","))
            : List.of("list", "view", "correct", "upload", "merge", "apart", "unmerge", "resolve", "export");

    @Test
    void everyRoleJurisdictionAndActionGetsExactlyWhatItMay() throws Exception {
        // Target B's conflict is the one 王刚 makes across streets A and B; B's own is none, so B uses it read-only.
        List<String> leaks = new ArrayList<>();
        Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (Map.Entry<String, String> where : ConsoleCity.JURISDICTIONS.entrySet()) {
                String username = ConsoleCity.userName(role, where.getKey());
                Jurisdiction jurisdiction = new Jurisdiction(where.getValue());
                RequestPostProcessor user = as(users, username);
                Map<String, String> row = new LinkedHashMap<>();
                for (String action : ACTIONS) {
                    StringBuilder cell = new StringBuilder();
                    for (Target target : targets) {
                        if (target.name().equals("X") && !List.of("list", "view", "resolve").contains(action)) {
                            continue;
                        }
                        String[] outcome = rolledBack(() -> cell(action, target, user, role, jurisdiction));
                        cell.append(target.name()).append(':').append(outcome[0]).append(' ');
                        if (!outcome[0].equals(outcome[1])) {
                            leaks.add(username + " " + action + " " + target.name() + ": got " + outcome[0] + ", expected "
                                    + outcome[1]);
                        }
                    }
                    row.put(action, cell.toString().trim());
                }
                matrix.put(username, row);
            }
        }
        print(matrix);
        assertThat(leaks).as("cells that differ from the rules").isEmpty();
    }

    @Test
    void forgedPostsWithoutACsrfTokenAreRefusedAndChangeNothing() throws Exception {
        Target a = targets.get(0);
        RequestPostProcessor steward = as(users, "steward-streetA");
        String before = state();
        List<Integer> statuses = new ArrayList<>();
        statuses.add(mvc.perform(post("/rejects/" + a.reject()).with(steward).param("cell", "x")).andReturn()
                .getResponse().getStatus());
        statuses.add(mvc.perform(post("/reviews/" + a.pair() + "/merge").with(steward).param("reason", "r")).andReturn()
                .getResponse().getStatus());
        statuses.add(mvc.perform(post("/reviews/" + a.pair() + "/apart").with(steward).param("reason", "r")).andReturn()
                .getResponse().getStatus());
        statuses.add(mvc.perform(post("/conflicts/" + a.conflict() + "/resolve").with(steward)
                .param("choice", "130102001001").param("reason", "r")).andReturn().getResponse().getStatus());
        statuses.add(mvc.perform(post("/masters/org/" + ConsoleTestSupport.pairMasterA(jdbc, a.pair()) + "/unmerge")
                .with(steward).param("source", "1").param("reason", "r")).andReturn().getResponse().getStatus());
        statuses.add(mvc.perform(post("/rejects/" + a.reject()).with(steward).with(csrf().useInvalidToken())
                .param("cell", "x")).andReturn().getResponse().getStatus());
        statuses.add(mvc.perform(post("/users").with(as(users, "admin-city")).param("username", "intruder")
                .param("role", "admin").param("jurisdiction", "1301").param("password", "0123456789ab")).andReturn()
                .getResponse().getStatus());
        System.out.println("forged posts without a CSRF token (or with a wrong one): " + statuses);
        assertThat(statuses).containsOnly(403);
        assertThat(state()).isEqualTo(before);
    }

    /** What changes when a decision is taken: the counts of every table a decision writes. */
    private String state() {
        return jdbc.queryForList("""
                SELECT CONCAT((SELECT COUNT(*) FROM steward_decision), '/', (SELECT COUNT(*) FROM ingest_reject WHERE status = 'open'),
                              '/', (SELECT COUNT(*) FROM org_review WHERE status = 'open'), '/',
                              (SELECT COUNT(*) FROM reconcile_conflict WHERE status = 'open'), '/', (SELECT COUNT(*) FROM org_master),
                              '/', (SELECT COUNT(*) FROM console_user))""", String.class).get(0);
    }

    private interface Work {
        String[] run() throws Exception;
    }

    private String[] rolledBack(Work cell) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return template.execute(status -> {
            status.setRollbackOnly();
            try {
                return cell.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** {got, expected} for one action on one target. */
    private String[] cell(String action, Target target, RequestPostProcessor user, Role role, Jurisdiction jurisdiction)
            throws Exception {
        String scope = target.street() == null ? ConsoleCity.DISTRICT : target.street();
        boolean visible = jurisdiction.covers(scope)
                || (target.name().equals("X") && (jurisdiction.covers(ConsoleCity.STREET_A)
                        || jurisdiction.covers(ConsoleCity.STREET_B)));
        boolean decidable = jurisdiction.covers(scope);
        String write = !role.decides() ? "403" : decidable ? "ok" : visible ? "409" : "404";
        switch (action) {
            case "list": {
                boolean listed = true;
                if (target.reject() != null) {
                    listed &= html(get("/rejects"), user).contains("/rejects/" + target.reject() + "\"");
                    listed &= html(get("/reviews"), user).contains("/reviews/" + target.pair() + "\"");
                }
                boolean conflictListed = html(get("/conflicts"), user).contains("/conflicts/" + target.conflict() + "\"");
                String got = target.reject() == null ? (conflictListed ? "ok" : "no")
                        : listed == conflictListed ? (listed ? "ok" : "no") : "mixed";
                return new String[] {got, visible ? "ok" : "no"};
            }
            case "view": {
                List<String> paths = new ArrayList<>(List.of("/conflicts/" + target.conflict()));
                if (target.reject() != null) {
                    paths.add("/rejects/" + target.reject());
                    paths.add("/reviews/" + target.pair());
                    paths.add("/masters/org/" + ConsoleTestSupport.pairMasterA(jdbc, target.pair()));
                }
                return new String[] {same(paths.stream().map(path -> status(get(path), user)).toList()),
                        visible ? "200" : "404"};
            }
            case "correct": {
                String page = html(get("/rejects/" + target.reject()), as(users, "admin-city"));
                List<String> cells = IdentityNumberLeakTests.inputs(page);
                int community = communityCell(target.reject());
                cells.set(community, target.street() + "001");
                return new String[] {outcome(post("/rejects/" + target.reject()).with(csrf())
                        .param("cell", cells.toArray(String[]::new)), user), write};
            }
            case "upload": {
                MvcResult export = mvc.perform(get("/rejects/export").with(as(users, "admin-city"))).andReturn();
                byte[] workbook = fixed(export.getResponse().getContentAsByteArray(), target.reject(), target.street() + "001");
                MvcResult preview = mvc.perform(multipart("/rejects/upload").file(new MockMultipartFile("file", "r.xlsx",
                        "application/octet-stream", workbook)).with(user).with(csrf())).andReturn();
                int status = preview.getResponse().getStatus();
                String got = status != 200 ? String.valueOf(status)
                        : preview.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("可入库 1 行") ? "ok"
                        : "refused";
                return new String[] {got, !role.decides() ? "403" : decidable ? "ok" : "refused"};
            }
            case "merge":
            case "apart":
                return new String[] {outcome(post("/reviews/" + target.pair() + "/" + action).with(csrf())
                        .param("reason", "matrix"), user), write};
            case "unmerge": {
                long keep = ConsoleTestSupport.pairMasterA(jdbc, target.pair());
                long gone = jdbc.queryForObject("SELECT master_b FROM org_review WHERE id = ?", Long.class, target.pair());
                List<Long> moved = jdbc.queryForList("SELECT id FROM org_source WHERE master_id = ?", Long.class, gone);
                reviews.merge(target.pair(), "matrix", "set up an unmerge");
                return new String[] {outcome(post("/masters/org/" + keep + "/unmerge").with(csrf())
                        .param("source", moved.stream().map(String::valueOf).toArray(String[]::new))
                        .param("reason", "matrix"), user), write};
            }
            case "resolve": {
                String choice = jdbc.queryForObject("""
                        SELECT MIN(w.community_code) FROM worker_source o JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
                        JOIN reconcile_conflict c ON c.master_id = o.master_id AND c.period = o.period WHERE c.id = ?""",
                        String.class, target.conflict());
                return new String[] {outcome(post("/conflicts/" + target.conflict() + "/resolve").with(csrf())
                        .param("choice", choice).param("reason", "matrix"), user),
                        !role.decides() ? "403" : decidable ? "ok" : visible ? "409" : "404"};
            }
            case "export": {
                MvcResult export = mvc.perform(get("/rejects/export").with(user)).andReturn();
                int status = export.getResponse().getStatus();
                String got = status != 200 ? String.valueOf(status)
                        : rejectIds(export.getResponse().getContentAsByteArray()).contains(String.valueOf(target.reject()))
                        ? "ok" : "absent";
                return new String[] {got, !role.decides() ? "403" : decidable ? "ok" : "absent"};
            }
            default:
                throw new IllegalArgumentException(action);
        }
    }

    private int communityCell(long reject) throws Exception {
        String html = html(get("/rejects/" + reject), as(users, "admin-city"));
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<tr[^>]*>\\s*<td>([^<]*)</td>").matcher(
                html.substring(html.indexOf("class=\"cells\"")));
        int index = 0;
        while (matcher.find()) {
            if (matcher.group(1).equals("所属社区代码")) {
                return index;
            }
            index++;
        }
        throw new IllegalStateException("no community cell");
    }

    private String outcome(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor user) throws Exception {
        int status = mvc.perform(request.with(user)).andReturn().getResponse().getStatus();
        return status == 302 ? "ok" : String.valueOf(status);
    }

    private String status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor user) {
        try {
            return String.valueOf(mvc.perform(request.with(user)).andReturn().getResponse().getStatus());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String same(List<String> statuses) {
        return statuses.stream().distinct().count() == 1 ? statuses.get(0) : String.join(",", statuses);
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor user) throws Exception {
        return mvc.perform(request.with(user)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> rejectIds(byte[] workbook) throws Exception {
        List<String> ids = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    if (row.getRowNum() > 0 && row.getCell(0) != null) {
                        ids.add(row.getCell(0).getStringCellValue());
                    }
                }
            }
        }
        return ids;
    }

    /** The city's rejects workbook with one row's 所属社区代码 corrected. */
    static byte[] fixed(byte[] workbook, long reject, String community) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : book) {
                Row header = sheet.getRow(0);
                int column = -1;
                for (Cell cell : header) {
                    if (cell.getStringCellValue().equals("所属社区代码")) {
                        column = cell.getColumnIndex();
                    }
                }
                for (Row row : sheet) {
                    if (column >= 0 && row.getRowNum() > 0
                            && row.getCell(0).getStringCellValue().equals(String.valueOf(reject))) {
                        // A new cell: POI keeps an inline string beside a value set on the old one.
                        row.removeCell(row.getCell(column));
                        row.createCell(column).setCellValue(community);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void print(Map<String, Map<String, String>> matrix) {
        StringBuilder text = new StringBuilder("\nAuthorization matrix (targets: A street 130102001, B street 130102002, "
                + "O other district 130104, X conflict across A and B; ok = allowed, 403 role, 404 not in jurisdiction, "
                + "409 visible read-only, no/absent/refused = not listed/exported/loaded)\n");
        text.append(String.format("%-24s", "user"));
        ACTIONS.forEach(action -> text.append(String.format("| %-22s", action)));
        text.append('\n');
        matrix.forEach((user, row) -> {
            text.append(String.format("%-24s", user));
            row.values().forEach(cell -> text.append(String.format("| %-22s", cell)));
            text.append('\n');
        });
        System.out.println(text);
    }
}
