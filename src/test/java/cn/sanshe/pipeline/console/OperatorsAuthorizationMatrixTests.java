package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.Runs;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.PipelineProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.FileSystemUtils;

/**
 * The stewards' authorization matrix extended to the operators' and leaders' pages (issue 16):
 * every role × jurisdiction (two streets of 长安区, the district, 桥西区, the city) × action (runs,
 * run actions, schedules and their actions, reports and downloads, resend, the explain pages of
 * each district and master records of each street, Prometheus from another machine, a reminder
 * sent to street A as the submissions grid and cell show it), direct
 * requests for another jurisdiction's editions and records included. Prints the matrix; zero leaks.
 */
// Quartz keeps one data source per scheduler name in a JVM-wide registry; a command run in this JVM by
// another test (its own context, same scheduler name) re-registers and then closes it. A context of
// this class's own registers it afresh, so the scheduler pages reach a live pool.
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
@SpringBootTest
@AutoConfigureMockMvc
class OperatorsAuthorizationMatrixTests {

    static final String CHANGAN = "130102000000";
    static final String QIAOXI = "130104000000";

    @Autowired
    MockMvc mvc;

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
    Runs runs;

    @Autowired
    PipelineProperties paths;

    @Autowired
    org.quartz.Scheduler scheduler;

    @TempDir
    Path dir;

    @BeforeEach
    void city() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        OpsTestSupport.users(jdbc, divisions, users);
        FileSystemUtils.deleteRecursively(paths.reports());
        for (String scope : List.of(CHANGAN, QIAOXI)) {
            Path folder = paths.reports().resolve(ConsoleCity.PERIOD).resolve(scope);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("月报" + scope + ".pdf"), "%PDF");
            Files.writeString(folder.resolve("kpis.csv"), "x");
            Files.writeString(folder.resolve("kpis.json"), "{}");
        }
        jdbc.update("DELETE FROM delivery_log");
        jdbc.update("""
                INSERT INTO delivery_log (edition, period, recipient, state, claim, node, attempts, reserved_at, sent_at)
                VALUES ('changan-district-monthly', ?, 'mzj@changan.sjz.example', 'sent', UUID(), 't', 1, NOW(6), NOW(6))""",
                ConsoleCity.PERIOD);
        // a reminder sent to street A for its missing S1 and S4 (what the reminder job records)
        jdbc.update("""
                INSERT INTO delivery_log (edition, period, kind, recipient, state, claim, node, attempts, reserved_at, sent_at)
                VALUES ('reminder:130102001', ?, 'reminder', 'mzk@jianbei.test', 'sent', UUID(), 't', 1, NOW(6), NOW(6))""",
                ConsoleCity.PERIOD);
        jdbc.update("""
                INSERT INTO submission_reminder (delivery_id, street_code, period, templates, contact, composed_at)
                SELECT id, '130102001', period, 'S1,S4', '建北街道民政科', NOW(6) FROM delivery_log
                WHERE edition = 'reminder:130102001'""");
    }

    @org.junit.jupiter.api.AfterEach
    void forgetTriggers() throws Exception {
        OpsTestSupport.forgetTriggers(scheduler);
    }

    @Test
    void everyRoleJurisdictionAndActionOfTheOperatorsPagesGetsExactlyWhatItMay() throws Exception {
        long run = runs.list(Runs.Filter.NONE, 1).get(0).id();
        Map<String, Long> masters = new LinkedHashMap<>();
        masters.put("A", ConsoleTestSupport.masters(jdbc, ConsoleCity.STREET_A).get(0));
        masters.put("B", ConsoleTestSupport.masters(jdbc, ConsoleCity.STREET_B).get(0));
        masters.put("O", ConsoleTestSupport.masters(jdbc, ConsoleCity.OTHER_STREET).get(0));
        Map<String, String> places = Map.of("A", ConsoleCity.STREET_A, "B", ConsoleCity.STREET_B, "O", ConsoleCity.OTHER_STREET);
        List<String> leaks = new ArrayList<>();
        Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (Map.Entry<String, String> where : ConsoleCity.JURISDICTIONS.entrySet()) {
                String username = ConsoleCity.userName(role, where.getKey());
                Jurisdiction jurisdiction = new Jurisdiction(where.getValue());
                RequestPostProcessor user = as(users, username);
                boolean operates = role == Role.OPERATOR || role == Role.ADMIN;
                boolean steers = operates && jurisdiction.prefix().length() <= 4;
                Map<String, String> row = new LinkedHashMap<>();
                check(row, leaks, username, "runs", status(get("/runs"), user), operates ? 200 : 403);
                check(row, leaks, username, "run", status(get("/runs/" + run), user), operates ? 200 : 403);
                check(row, leaks, username, "restart?", status(get("/runs/" + run + "/confirm").param("action", "restart"), user),
                        steers ? 200 : 403);
                check(row, leaks, username, "stop", status(post("/runs/" + run + "/stop").with(csrf()), user),
                        steers ? 409 : 403);
                check(row, leaks, username, "schedules", status(get("/schedules"), user), operates ? 200 : 403);
                check(row, leaks, username, "pause", status(post("/schedules/nightly-pipeline/pause").with(csrf()), user),
                        steers ? 302 : 403);
                check(row, leaks, username, "trigger", status(post("/schedules/monthly-reports/trigger").with(csrf()), user),
                        steers ? 302 : 403);
                String reports = html(get("/reports"), user);
                check(row, leaks, username, "reports", (reports.contains("/reports/" + ConsoleCity.PERIOD + "/" + CHANGAN) ? "C" : "-")
                        + (reports.contains("/reports/" + ConsoleCity.PERIOD + "/" + QIAOXI) ? "Q" : "-"),
                        (jurisdiction.covers(CHANGAN) ? "C" : "-") + (jurisdiction.covers(QIAOXI) ? "Q" : "-"));
                for (String scope : List.of(CHANGAN, QIAOXI)) {
                    String label = scope.equals(CHANGAN) ? "C" : "Q";
                    int covered = jurisdiction.covers(scope) ? 200 : 404;
                    check(row, leaks, username, "pdf " + label, status(get("/reports/" + ConsoleCity.PERIOD + "/" + scope + "/pdf"), user), covered);
                    check(row, leaks, username, "explain " + label, status(get("/explain/" + ConsoleCity.PERIOD + "/" + scope), user), covered);
                    check(row, leaks, username, "figure " + label,
                            status(get("/explain/" + ConsoleCity.PERIOD + "/" + scope + "/ORG_COUNT"), user), covered);
                }
                check(row, leaks, username, "resend C", status(post("/reports/" + ConsoleCity.PERIOD + "/" + CHANGAN + "/resend")
                        .with(csrf()).param("edition", "changan-district-monthly").param("recipient", "mzj@changan.sjz.example"), user),
                        !operates ? 403 : jurisdiction.covers(CHANGAN) ? 302 : 404);
                for (Map.Entry<String, Long> master : masters.entrySet()) {
                    check(row, leaks, username, "master " + master.getKey(),
                            status(get("/explain/master/org/" + master.getValue()), user),
                            jurisdiction.covers(places.get(master.getKey())) ? 200 : 404);
                }
                check(row, leaks, username, "prometheus", status(remote(get("/actuator/prometheus")), user), operates ? 200 : 403);
                boolean seesA = jurisdiction.covers(ConsoleCity.STREET_A);
                check(row, leaks, username, "reminded A", html(get("/submissions").param("month", ConsoleCity.PERIOD)
                        .param("months", "1"), user).contains("· 已催报") ? "Y" : "-", seesA ? "Y" : "-");
                check(row, leaks, username, "reminder A", html(get("/submissions/" + ConsoleCity.STREET_A + "/"
                        + ConsoleCity.PERIOD + "/S1"), user).contains("向建北街道民政科发出催报邮件") ? "Y" : "-", seesA ? "Y" : "-");
                matrix.put(username, row);
            }
        }
        mvc.perform(post("/schedules/nightly-pipeline/resume").with(csrf()).with(as(users, "operator-city")));
        System.out.println("operators' and leaders' pages: role-jurisdiction × action (got; a leak is marked !)");
        matrix.forEach((who, row) -> System.out.printf("%-22s %s%n", who, row));
        assertThat(jdbc.queryForObject("SELECT state FROM delivery_log WHERE edition = 'changan-district-monthly'", String.class))
                .isEqualTo("sent");
        assertThat(leaks).as("cells that differ from the rules").isEmpty();
    }

    private static void check(Map<String, String> row, List<String> leaks, String who, String action, Object got,
            Object expected) {
        boolean same = String.valueOf(got).equals(String.valueOf(expected));
        row.put(action, got + (same ? "" : "!"));
        if (!same) {
            leaks.add(who + " " + action + ": got " + got + ", expected " + expected);
        }
    }

    private int status(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
        return mvc.perform(request.with(user)).andReturn().getResponse().getStatus();
    }

    private String html(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
        MvcResult result = mvc.perform(request.with(user)).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequestBuilder remote(MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr("10.1.2.3");
            return r;
        });
    }
}
