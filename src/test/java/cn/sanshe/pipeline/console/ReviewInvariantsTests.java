package cn.sanshe.pipeline.console;

import static cn.sanshe.pipeline.console.ConsoleTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reconcile.steward.Reviews;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The review service holds its invariants whatever the page does: a decision on a pair that
 * changed since the page was loaded is refused (409, and the page says so); the same decision
 * twice changes nothing; a decided pair cannot be decided otherwise; not sure leaves it open,
 * marked; after merge and unmerge every source row still belongs to exactly one master.
 */
@SpringBootTest
class ReviewInvariantsTests {

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

    @TempDir
    Path dir;

    MockMvc mvc;
    RequestPostProcessor steward;
    long pair;

    @BeforeEach
    void city() throws Exception {
        ConsoleCity.build(jdbc, divisions, ingest, reconcile, dir.resolve("inbox"));
        users.add("zhang", Role.STEWARD, new Jurisdiction(ConsoleCity.STREET_A), ConsoleCity.PASSWORD, false);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        steward = as(users, "zhang");
        pair = ConsoleTestSupport.pairs(jdbc, ConsoleCity.STREET_A).get(0);
    }

    @Test
    void aDecisionOnAPairThatChangedSinceThePageWasLoadedIsRefused() throws Exception {
        String fingerprint = fingerprint();
        // Meanwhile a new month links another ledger row to the newer master.
        long masterB = jdbc.queryForObject("SELECT master_b FROM org_review WHERE id = ?", Long.class, pair);
        jdbc.update("""
                INSERT INTO org_source (template, stg_id, master_id, district_code, period, norm_name, how, linked_at)
                SELECT template, stg_id + 1000000, master_id, district_code, '2026-11', norm_name, 'name', NOW(6)
                FROM org_source WHERE master_id = ? LIMIT 1""", masterB);

        MvcResult refused = mvc.perform(post("/reviews/" + pair + "/merge").with(steward).with(csrf())
                .param("fingerprint", fingerprint).param("reason", "同一协会")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("打开页面后已有变化");
        assertThat(status()).isEqualTo("open");
        assertThat(decisions()).isZero();
        // Loaded again, the same decision goes through.
        assertThat(mvc.perform(post("/reviews/" + pair + "/merge").with(steward).with(csrf())
                .param("fingerprint", fingerprint()).param("reason", "同一协会")).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(status()).isEqualTo("merged");
    }

    @Test
    void theSameDecisionTwiceChangesNothingAndAnotherIsRefused() throws Exception {
        String fingerprint = fingerprint();
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.perform(post("/reviews/" + pair + "/merge").with(steward).with(csrf())
                    .param("fingerprint", fingerprint).param("reason", "同一协会")).andReturn().getResponse().getStatus())
                    .isEqualTo(302);
        }
        assertThat(decisions()).isOne();
        MvcResult apart = mvc.perform(post("/reviews/" + pair + "/apart").with(steward).with(csrf())
                .param("fingerprint", fingerprint).param("reason", "不是")).andReturn();
        assertThat(apart.getResponse().getStatus()).isEqualTo(409);
        assertThat(status()).isEqualTo("merged");
        assertThat(decisions()).isOne();
    }

    @Test
    void notSureLeavesThePairOpenAndMarked() throws Exception {
        assertThat(mvc.perform(post("/reviews/" + pair + "/unsure").with(steward).with(csrf())
                .param("fingerprint", fingerprint()).param("reason", "需要问社区")).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(status()).isEqualTo("open");
        assertThat(jdbc.queryForObject("SELECT unsure_by FROM org_review WHERE id = ?", String.class, pair)).isEqualTo("zhang");
        assertThat(mvc.perform(get("/reviews").with(steward)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("已标记暂不确定");
    }

    @Test
    void afterMergeAndUnmergeEverySourceRowBelongsToOneMaster() throws Exception {
        int rows = staged();
        long keep = jdbc.queryForObject("SELECT master_a FROM org_review WHERE id = ?", Long.class, pair);
        long gone = jdbc.queryForObject("SELECT master_b FROM org_review WHERE id = ?", Long.class, pair);
        java.util.List<Long> moved = jdbc.queryForList("SELECT id FROM org_source WHERE master_id = ?", Long.class, gone);
        mvc.perform(post("/reviews/" + pair + "/merge").with(steward).with(csrf()).param("reason", "同一协会"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = ?", Integer.class, keep)).isEqualTo(2);
        mvc.perform(post("/masters/org/" + keep + "/unmerge").with(steward).with(csrf())
                .param("source", String.valueOf(moved.get(0))).param("reason", "两个协会"));
        // The same unmerge again (a second click) is refused: the row is no longer the master's.
        assertThat(mvc.perform(post("/masters/org/" + keep + "/unmerge").with(steward).with(csrf())
                .param("source", String.valueOf(moved.get(0))).param("reason", "两个协会")).andReturn().getResponse()
                .getStatus()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_source", Integer.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT template, stg_id) FROM org_source", Integer.class))
                .isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = ?", Integer.class, keep)).isOne();
    }

    private int staged() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM stg_s2_org_ledger) + (SELECT COUNT(*) FROM stg_d1_org_registry)",
                Integer.class);
    }

    private String fingerprint() throws Exception {
        String html = mvc.perform(get("/reviews/" + pair).with(steward)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]+)\"").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private String status() {
        return jdbc.queryForObject("SELECT status FROM org_review WHERE id = ?", String.class, pair);
    }

    private int decisions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM steward_decision WHERE subject = ? AND action IN ('merge','apart')",
                Integer.class, "review " + pair);
    }
}
