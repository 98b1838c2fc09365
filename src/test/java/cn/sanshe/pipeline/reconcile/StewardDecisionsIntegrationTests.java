package cn.sanshe.pipeline.reconcile;

import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.C1;
import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.C2;
import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.STREET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.indicators.IndicatorService;
import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.ingest.IngestFixtures;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.steward.Conflicts;
import cn.sanshe.pipeline.reconcile.steward.Reviews;
import cn.sanshe.pipeline.reconcile.steward.Unmerge;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stewards' decisions are data: recorded, and never undone by the machine. */
@SpringBootTest
class StewardDecisionsIntegrationTests {

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    Reviews reviews;

    @Autowired
    Unmerge unmerge;

    @Autowired
    Conflicts conflicts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @TempDir
    Path dir;

    long reviewId;
    long masterC;
    long masterE;

    @BeforeEach
    void reconciled() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        ReconcileFixtures.clear(jdbc);
        ReconcileFixtures.twoMonths(dir.resolve("inbox"), ingest);
        reconcile.run(null);
        Map<String, Object> review = jdbc.queryForMap("SELECT * FROM org_review WHERE status = 'open'");
        reviewId = ((Number) review.get("id")).longValue();
        masterC = ((Number) review.get("master_a")).longValue();
        masterE = ((Number) review.get("master_b")).longValue();
    }

    /** November: the same street sends all its organizations again, and the district its register. */
    void november(String extraRow) throws Exception {
        ReconcileFixtures.write(dir.resolve("inbox"), "2026-11", STREET, "社会组织台账.csv", """
                组织名称,统一社会信用代码,登记状态,组织类型,服务领域,负责人,联系电话,所属社区代码
                阳光社区老年协会,%s,已登记,社会团体,文体活动,王芳,13800001111,%s
                阳光社区老协会,,已备案,社区社会组织,文体活动,王芳,13900009999,%s
                """.formatted(ReconcileFixtures.CREDIT_C, C1, C1) + extraRow);
        ingest.inbox(dir.resolve("inbox"), null);
        reconcile.run(null);
    }

    @Test
    void aPairKeptApartIsNeverMergedAgain() throws Exception {
        reviews.apart(reviewId, "steward-zhang", "两个不同的协会，负责人兼任");
        int masters = count("SELECT COUNT(*) FROM org_master");

        november("");

        assertThat(count("SELECT COUNT(*) FROM org_master")).isEqualTo(masters);
        assertThat(jdbc.queryForObject("SELECT master_id FROM org_source o JOIN stg_s2_org_ledger l ON l.id = o.stg_id "
                + "AND o.template = 'S2' WHERE l.org_name = '阳光社区老协会' AND l.period = '2026-11'", Long.class))
                .isEqualTo(masterE);
        assertThat(jdbc.queryForList("SELECT status FROM org_review", String.class)).containsExactly("apart");
        assertThat(count("SELECT COUNT(*) FROM master_apart WHERE master_a = " + Math.min(masterC, masterE)
                + " AND master_b = " + Math.max(masterC, masterE))).isOne();
        assertThat(jdbc.queryForMap("SELECT action, decided_by, reason FROM steward_decision"))
                .containsEntry("action", "apart").containsEntry("decided_by", "steward-zhang")
                .containsEntry("reason", "两个不同的协会，负责人兼任");
    }

    @Test
    void aMergeMovesTheRowsToTheOlderMasterAndHolds() throws Exception {
        reviews.merge(reviewId, "steward-zhang", "同一协会，名称漏字");

        assertThat(jdbc.queryForObject("SELECT merged_into FROM org_master WHERE id = ?", Long.class, masterE))
                .isEqualTo(masterC);
        assertThat(count("SELECT COUNT(*) FROM org_source WHERE master_id = " + masterE)).isZero();
        november("");
        assertThat(count("SELECT COUNT(*) FROM org_source WHERE master_id = " + masterE)).isZero();
        assertThat(jdbc.queryForObject("SELECT last_period FROM org_master WHERE id = ?", String.class, masterC))
                .isEqualTo("2026-11");
        assertThatThrownBy(() -> reviews.merge(reviewId, "x", "again")).hasMessageContaining("已处理");
    }

    @Test
    void unmergedRowsGetAMasterOfTheirOwnThatRerunsKeep() throws Exception {
        // October's ledger row 4 is 杨光社区老年协会, joined to the 老年协会 by score.
        long created = unmerge.orgRows(masterC, List.of(Unmerge.RowRef.parse(
                "2026-10/130102001/社会组织台账.csv:社会组织台账:4")), "steward-li", "杨光是另一个协会");

        assertThat(count("SELECT COUNT(*) FROM org_source WHERE master_id = " + created)).isOne();
        assertThat(jdbc.queryForObject("SELECT name FROM org_master WHERE id = ?", String.class, created))
                .isEqualTo("杨光社区老年协会");
        november("杨光社区老年协会,,已备案,社区社会组织,文体活动,王芳,13800001111," + C1 + "\n");
        assertThat(jdbc.queryForObject("SELECT master_id FROM org_source o JOIN stg_s2_org_ledger l ON l.id = o.stg_id "
                + "AND o.template = 'S2' WHERE l.org_name = '杨光社区老年协会' AND l.period = '2026-11'", Long.class))
                .isEqualTo(created);
        assertThat(count("SELECT COUNT(*) FROM org_source WHERE master_id = " + created)).isEqualTo(2);
        assertThatThrownBy(() -> unmerge.orgRows(masterC, List.of(Unmerge.RowRef.parse("nowhere.csv:x:9")), "x", "y"))
                .hasMessageContaining("没有这一行");
    }

    @Test
    void aChosenValueSurvivesTheSourcesThatSayOtherwise() throws Exception {
        long conflict = jdbc.queryForObject(
                "SELECT id FROM reconcile_conflict WHERE kind = 'WORKER_TWO_COMMUNITIES'", Long.class);

        conflicts.resolve(conflict, C2, "steward-wang", "已调往二社区");

        assertThat(jdbc.queryForObject("SELECT community_code FROM worker_master WHERE name = '王刚'", String.class))
                .isEqualTo(C2);
        ReconcileFixtures.write(dir.resolve("inbox"), "2026-11", STREET, "花名册.csv", """
                姓名,身份证号,性别,学历,职务,社工证等级,证书编号,所属社区代码
                王刚,%s,男,本科,社工,无,,%s
                """.formatted(ReconcileFixtures.id(3), C1));
        ingest.inbox(dir.resolve("inbox"), null);
        reconcile.run(null);
        assertThat(jdbc.queryForObject("SELECT community_code FROM worker_master WHERE name = '王刚'", String.class))
                .isEqualTo(C2);
        assertThat(jdbc.queryForObject("SELECT status FROM reconcile_conflict WHERE id = ?", String.class, conflict))
                .isEqualTo("resolved");
        assertThatThrownBy(() -> conflicts.resolve(conflict, C1, "x", "")).hasMessageContaining("已处理");
    }

    @Test
    void aChosenValueIsInForceFromTheMonthOfItsConflictNotBefore() throws Exception {
        // October: the registry says 长安区青少年发展促进会 is 注销 while the street still lists it.
        long conflict = jdbc.queryForObject("""
                SELECT id FROM reconcile_conflict WHERE kind = 'ORG_ACTIVE_BUT_CANCELLED' AND period = '2026-10'""",
                Long.class);
        List<IndicatorValue> septemberBefore = indicators.compute(ReconcileFixtures.DISTRICT, YearMonth.of(2026, 9), null);
        conflicts.resolve(conflict, "注销", "steward-wang", "登记管理机关已注销");

        assertThat(jdbc.queryForObject("""
                SELECT valid_from FROM master_override WHERE field = 'registry_status'""", String.class))
                .isEqualTo("2026-10");
        assertThat(indicators.compute(ReconcileFixtures.DISTRICT, YearMonth.of(2026, 9), null))
                .as("September, when the registry still said 正常, keeps the organization")
                .isEqualTo(septemberBefore);
        assertThat(registered(septemberBefore, "2026-09")).as("阳光助老服务中心 and the 促进会").isEqualTo(2);
    }

    @Autowired
    IndicatorService indicators;

    private static int registered(List<IndicatorValue> values, String period) {
        return values.stream().filter(v -> v.indicator().equals("ORG_COUNT") && v.variant().equals("已登记")
                && v.scope().equals(ReconcileFixtures.DISTRICT + "000000") && v.period().equals(period))
                .findFirst().orElseThrow().value().intValue();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
