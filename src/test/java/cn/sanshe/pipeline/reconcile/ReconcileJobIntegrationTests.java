package cn.sanshe.pipeline.reconcile;

import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.C1;
import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.C2;
import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.CREDIT_A;
import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.DISTRICT;
import static cn.sanshe.pipeline.reconcile.ReconcileFixtures.STREET;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** reconcileJob over two months of a street's and a district's sources. */
@SpringBootTest
class ReconcileJobIntegrationTests {

    @Autowired
    IngestRun ingest;

    @Autowired
    ReconcileRun reconcile;

    @Autowired
    MasterExports exports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @TempDir
    Path dir;

    @BeforeEach
    void twoMonthsIngested() throws Exception {
        cn.sanshe.pipeline.ingest.IngestFixtures.resetDatabase(jdbc, divisions);
        ReconcileFixtures.clear(jdbc);
        ReconcileFixtures.twoMonths(dir.resolve("inbox"), ingest);
    }

    @Test
    void oneMasterPerRealOrganizationAndWorkerWithFieldsFromTheRightSource() throws Exception {
        JobOutcome outcome = reconcile.run(null);

        assertThat(outcome.succeeded()).as(outcome.describe()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM org_source")).as("every row linked").isEqualTo(5 + 9);
        assertThat(jdbc.queryForList("SELECT name FROM org_master ORDER BY id", String.class)).containsExactly(
                "石家庄市长安区阳光助老服务中心", "长安区青少年发展促进会", "石家庄市长安区阳光社区老年协会", "阳光社区舞蹈队",
                "阳光社区老协会");
        Map<String, Object> c = jdbc.queryForMap("SELECT * FROM org_master WHERE name = '石家庄市长安区阳光社区老年协会'");
        assertThat(c).as("a filed organization that registers keeps its master")
                .containsEntry("credit_code", ReconcileFixtures.CREDIT_C).containsEntry("reg_status", "已登记")
                .containsEntry("first_period", "2026-09");
        assertThat(count("SELECT COUNT(*) FROM org_source WHERE master_id = " + c.get("id"))).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT how FROM org_source WHERE master_id = " + c.get("id") + " ORDER BY id",
                String.class)).containsExactly("new", "name", "score");
        Map<String, Object> a = jdbc.queryForMap("SELECT * FROM org_master WHERE credit_code = ?", CREDIT_A);
        assertThat(a).containsEntry("reg_status", "已登记").containsEntry("org_type", "民办非企业单位")
                .containsEntry("person_in_charge", "张敏").containsEntry("phone", "13912345678")
                .containsEntry("service_domain", "养老服务").containsEntry("community_code", C1)
                .containsEntry("legal_rep", "张敏").containsEntry("first_period", "2026-09")
                .containsEntry("last_period", "2026-10");
        long masterA = ((Number) a.get("id")).longValue();
        assertThat(provenance(masterA, "credit_code")).isEqualTo("D1");
        assertThat(provenance(masterA, "phone")).isEqualTo("S2");
        assertThat(provenance(masterA, "name")).as("same month: the district wins the tie").isEqualTo("D1");
        assertThat(count("SELECT COUNT(*) FROM org_source WHERE master_id = " + masterA)).isEqualTo(4);

        Map<String, Object> review = jdbc.queryForMap("SELECT * FROM org_review");
        assertThat(review).containsEntry("status", "open").containsEntry("district_code", DISTRICT);
        assertThat((String) review.get("evidence")).contains("负责人相同");

        assertThat(count("SELECT COUNT(*) FROM worker_master")).isEqualTo(5);
        Map<String, Object> certified = jdbc.queryForMap("SELECT * FROM worker_master WHERE name = '张伟'");
        assertThat(certified).containsEntry("cert_verified", true).containsEntry("cert_no", "ZS001")
                .containsEntry("on_roster", true).containsEntry("community_code", C1);
        assertThat((String) certified.get("id_masked")).matches("130102\\*{8}\\d{3}[0-9X]");
        assertThat(jdbc.queryForMap("SELECT cert_verified, claimed_cert_no, on_roster FROM worker_master WHERE name = '李明'"))
                .containsEntry("cert_verified", false).containsEntry("claimed_cert_no", "ZS999");
        assertThat(jdbc.queryForObject("SELECT on_roster FROM worker_master WHERE name = '赵强'", Boolean.class)).isFalse();
    }

    @Test
    void everyConflictKindIsOpenedOnceForStewards() throws Exception {
        reconcile.run(null);
        reconcile.run(null);

        List<Map<String, Object>> conflicts = jdbc.queryForList(
                "SELECT kind, period, detail FROM reconcile_conflict WHERE status = 'open' ORDER BY kind, period");
        // October's register has the same bytes as September's: received once, so its latest month is September.
        assertThat(conflicts).extracting(row -> row.get("kind") + " " + row.get("period")).containsExactly(
                "CERT_NOT_IN_REGISTER 2026-10", "CERT_TWO_IDS 2026-09", "ORG_ACTIVE_BUT_CANCELLED 2026-10",
                "WORKER_TWO_COMMUNITIES 2026-10");
        assertThat(conflicts).allSatisfy(row -> assertThat((String) row.get("detail"))
                .doesNotContainPattern("\\d{17}[0-9X]"));
        assertThat((String) conflicts.get(3).get("detail")).contains(C1).contains(C2);
    }

    @Test
    void aReRunChangesNothingAndANewMonthKeepsEveryId() throws Exception {
        reconcile.run(null);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM org_master ORDER BY id");
        List<Map<String, Object>> workersBefore = jdbc.queryForList("SELECT * FROM worker_master ORDER BY id");

        assertThat(reconcile.run(null).succeeded()).isTrue();

        assertThat(jdbc.queryForList("SELECT * FROM org_master ORDER BY id")).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT * FROM worker_master ORDER BY id")).isEqualTo(workersBefore);

        ReconcileFixtures.write(dir.resolve("inbox"), "2026-11", STREET, "社会组织台账.csv", """
                组织名称,统一社会信用代码,登记状态,组织类型,服务领域,负责人,联系电话,所属社区代码
                阳光助老服务中心,%s,已登记,民办非企业单位,养老服务,张敏,13912345678,%s
                阳光社区老年协会,,已备案,社区社会组织,文体活动,王芳,13800001111,%s
                新成立读书会,,已备案,社区社会组织,文体活动,钱七,13500003333,%s
                """.formatted(CREDIT_A, C1, C1, C1));
        ingest.inbox(dir.resolve("inbox"), null);
        reconcile.run(null);

        List<Long> idsBefore = before.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        assertThat(jdbc.queryForList("SELECT id FROM org_master WHERE id IN (" + String.join(",",
                idsBefore.stream().map(String::valueOf).toList()) + ") ORDER BY id", Long.class)).isEqualTo(idsBefore);
        assertThat(count("SELECT COUNT(*) FROM org_master")).as("only the new reading club is new").isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT last_period FROM org_master WHERE credit_code = ?", String.class,
                CREDIT_A)).isEqualTo("2026-11");
    }

    @Test
    void aCorrectedSheetRecomputesTheMastersOfTheRowsItReplaces() throws Exception {
        reconcile.run(null);
        assertThat(jdbc.queryForMap("SELECT last_period, phone FROM org_master WHERE name = '阳光社区舞蹈队'"))
                .containsEntry("last_period", "2026-10");

        // The street resends October's ledger: the dance troupe was listed by mistake and is gone.
        ReconcileFixtures.write(dir.resolve("inbox"), "2026-10", STREET, "社会组织台账（更正）.csv", """
                组织名称,统一社会信用代码,登记状态,组织类型,服务领域,负责人,联系电话,所属社区代码
                阳光助老服务中心,%s,已登记,民办非企业单位,养老服务,张敏,13912345678,%s
                长安区青少年发展促进会,%s,已登记,社会团体,儿童,李强,13700000001,%s
                杨光社区老年协会,,已备案,社区社会组织,文体活动,王芳,13800001111,%s
                阳光社区老协会,,已备案,社区社会组织,文体活动,王芳,13900009999,%s
                """.formatted(CREDIT_A, C1, ReconcileFixtures.CREDIT_B, C1, C1, C1));
        ingest.inbox(dir.resolve("inbox"), null);
        assertThat(count("SELECT COUNT(*) FROM ingest_sheet WHERE template = 'S2' AND period = '2026-10' "
                + "AND superseded_by IS NOT NULL")).as("the first October ledger is superseded").isEqualTo(1);

        assertThat(reconcile.run(null).succeeded()).isTrue();

        assertThat(jdbc.queryForMap("SELECT last_period, dirty FROM org_master WHERE name = '阳光社区舞蹈队'"))
                .as("only September's row is in force").containsEntry("last_period", "2026-09")
                .containsEntry("dirty", false);
        assertThat(count("SELECT COUNT(*) FROM ingest_sheet WHERE NOT (superseded_by <=> reconciled_superseded_by)"))
                .as("every change of a sheet acted on").isZero();
        List<Map<String, Object>> after = jdbc.queryForList("SELECT * FROM org_master ORDER BY id");
        reconcile.run(null);
        assertThat(jdbc.queryForList("SELECT * FROM org_master ORDER BY id")).as("acted on once").isEqualTo(after);
    }

    @Test
    void lineageNamesTheFileSheetAndRowOfEverySourceRow() throws Exception {
        reconcile.run(null);
        Path out = dir.resolve("lineage.csv");

        int rows = exports.lineage("org", out);

        assertThat(rows).isEqualTo(14);
        long masterA = jdbc.queryForObject("SELECT id FROM org_master WHERE credit_code = ?", Long.class, CREDIT_A);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFmaster_id,file,sheet,row");
        assertThat(lines).contains(masterA + ",2026-09/130102001/社会组织台账.csv,社会组织台账,2",
                masterA + ",2026-10/130102/登记社会组织名录.csv,登记社会组织名录,2");
        Path masters = dir.resolve("workers.csv");
        assertThat(exports.masters("worker", masters)).isEqualTo(5);
        assertThat(Files.readString(masters)).doesNotContainPattern("\\d{17}[0-9X]");
    }

    @Test
    void nothingToReconcileIsASuccessThatCreatesNothing() throws Exception {
        jdbc.update("UPDATE ingest_sheet SET superseded_by = id");   // every sheet replaced: no row in force

        JobOutcome outcome = reconcile.run(null);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM org_master")).isZero();
        assertThat(count("SELECT COUNT(*) FROM worker_master")).isZero();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private String provenance(long masterId, String field) {
        return jdbc.queryForObject("SELECT template FROM master_field_source WHERE master_kind = 'org' AND master_id = ? "
                + "AND field = ?", String.class, masterId, field);
    }
}
