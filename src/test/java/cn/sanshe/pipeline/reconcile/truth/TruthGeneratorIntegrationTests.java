package cn.sanshe.pipeline.reconcile.truth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.reference.DivisionLoader;
import cn.sanshe.pipeline.system.IdentityVault;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The truth set itself: rows as ingest would have loaded them, every row known, the noise and the
 * planted conflicts there; and the pairwise score, on masters made by an oracle and then spoiled
 * on purpose, counting exactly the pairs it should.
 */
@SpringBootTest
class TruthGeneratorIntegrationTests {

    static final Spec SPEC = Spec.of(7, YearMonth.of(2026, 4), 3, 4, 8);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityVault vault;

    @Autowired
    DivisionLoader divisions;

    @BeforeEach
    void clean() throws Exception {
        TruthTables.delete(jdbc);
        Integer city = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = '130100000000'", Integer.class);
        if (city == null || city == 0) {
            divisions.load(Path.of("sql/reference/divisions-130100-shijiazhuang.csv"));
        }
    }

    @AfterEach
    void leaveNothing() {
        TruthTables.delete(jdbc);
    }

    @Test
    void writesStagingRowsAsIngestWouldWithEveryRowKnown() {
        Truth truth = TruthGenerator.generate(jdbc, vault, SPEC);

        Map<String, Integer> rows = truth.summary().rowsByTemplate();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s2_org_ledger", Integer.class)).isEqualTo(rows.get("S2"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_d1_org_registry", Integer.class)).isEqualTo(rows.get("D1"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isEqualTo(rows.get("S3"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_d3_certificate", Integer.class)).isEqualTo(rows.get("D3"));
        assertThat(truth.summary().orgRows()).isBetween(2_500L, 3_500L);
        assertThat(truth.summary().workerRows()).isBetween(5_000L, 7_000L);
        assertThat(truth.orgEntityByRow()).hasSize((int) truth.summary().orgRows());
        assertThat(truth.workerEntityByRow()).hasSize((int) truth.summary().workerRows());
        for (long id : jdbc.queryForList("SELECT id FROM stg_s2_org_ledger", Long.class)) {
            assertThat(truth.orgEntityByRow().get("S2:" + id)).as("S2:" + id).isNotNull();
        }
        for (long id : jdbc.queryForList("SELECT id FROM stg_d3_certificate", Long.class)) {
            assertThat(truth.workerEntityByRow().get("D3:" + id)).as("D3:" + id).isNotNull();
        }

        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id
                WHERE f.status = 'loaded' AND s.superseded_by IS NULL AND s.rows_loaded = s.rows_read
                  AND s.rows_loaded = (SELECT COUNT(*) FROM stg_s2_org_ledger g WHERE g.sheet_id = s.id)
                      + (SELECT COUNT(*) FROM stg_d1_org_registry g WHERE g.sheet_id = s.id)
                      + (SELECT COUNT(*) FROM stg_s3_worker g WHERE g.sheet_id = s.id)
                      + (SELECT COUNT(*) FROM stg_d3_certificate g WHERE g.sheet_id = s.id)""", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_sheet", Integer.class));
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM stg_s2_org_ledger g JOIN ingest_sheet s ON s.id = g.sheet_id
                WHERE s.template <> 'S2' OR g.unit_code <> LEFT(g.community_code, 9) OR s.unit_code <> g.unit_code
                   OR s.period <> g.period OR g.district_code <> LEFT(g.unit_code, 6)""", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM stg_s3_worker g
                WHERE g.unit_code <> LEFT(g.community_code, 9)
                   OR NOT EXISTS (SELECT 1 FROM division d WHERE d.code = g.community_code AND d.level = 'community')""",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_d1_org_registry WHERE LENGTH(unit_code) <> 6",
                Integer.class)).isZero();
        List<String> codes = new ArrayList<>(jdbc.queryForList("SELECT credit_code FROM stg_d1_org_registry", String.class));
        codes.addAll(jdbc.queryForList("SELECT credit_code FROM stg_s2_org_ledger WHERE credit_code IS NOT NULL",
                String.class));
        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat(CreditCode.check(code).isValid()).as(code).isTrue());
        jdbc.query("SELECT id_hash, id_cipher, id_masked FROM stg_s3_worker LIMIT 200", rs -> {
            String id = vault.decrypt(rs.getString(2));
            assertThat(IdentityNumber.check(id, java.time.LocalDate.of(2026, 12, 31)).isValid()).isTrue();
            assertThat(vault.hash(id)).isEqualTo(rs.getString(1));
            assertThat(IdentityNumber.mask(id)).isEqualTo(rs.getString(3));
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT cert_no) = COUNT(*) FROM (SELECT DISTINCT cert_no, "
                + "id_hash FROM stg_d3_certificate) c", Boolean.class)).as("planted: one number, two ids").isFalse();
    }

    @Test
    void plantsTheNoiseAndEveryConflictKind() {
        Truth truth = TruthGenerator.generate(jdbc, vault, SPEC);

        int[] tagged = new int[8];
        int[] s2 = {0};
        truth.orgRows().forEach("S2", (id, entity, tags) -> {
            s2[0]++;
            for (int bit = 0; bit < 8; bit++) {
                if ((tags & 1 << bit) != 0) {
                    tagged[bit]++;
                }
            }
        });
        assertThat(tagged[0]).as("prefixed").isBetween(s2[0] / 8, s2[0] / 2);
        assertThat(tagged[1]).as("brackets and spaces").isPositive();
        assertThat(tagged[2]).as("homophones").isPositive();
        assertThat(tagged[3]).as("characters added, dropped, swapped").isPositive();
        assertThat(tagged[4]).as("registered but no code").isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s2_org_ledger WHERE org_name LIKE '石家庄市%'",
                Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_d1_org_registry WHERE reg_status = '注销'",
                Integer.class)).isPositive();
        assertThat(truth.orgNotes().values()).anyMatch(note -> note.contains("look-alike"))
                .anyMatch(note -> note.contains("registers from"));
        for (String kind : Truth.Planted.KINDS) {
            assertThat(truth.planted().entities(kind)).as(kind).isNotEmpty();
        }
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT id_hash, period FROM stg_s3_worker GROUP BY id_hash, period
                                      HAVING COUNT(DISTINCT community_code) > 1) t""", Integer.class))
                .isEqualTo(truth.planted().twoCommunities().values().stream().mapToInt(java.util.Set::size).sum());
    }

    @Test
    void pairwiseScoreCountsPairsExactly() {
        Truth truth = TruthGenerator.generate(jdbc, vault, SPEC);
        oracle("org_source", truth.orgRows());

        PairwiseScore.Result perfect = PairwiseScore.organizations(jdbc, truth);

        assertThat(perfect.falsePositives()).isZero();
        assertThat(perfect.falseNegatives()).isZero();
        assertThat(perfect.precision()).isEqualTo(1.0);
        assertThat(perfect.recall()).isEqualTo(1.0);
        assertThat(perfect.truePositives()).isPositive();
        assertThat(perfect.entities()).isEqualTo(truth.summary().organizations());

        // Two entities merged: every pair across them is a false positive.
        long a = 1;
        long b = 2;
        int rowsA = jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = ?", Integer.class, a);
        int rowsB = jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = ?", Integer.class, b);
        jdbc.update("UPDATE org_source SET master_id = ? WHERE master_id = ?", a, b);
        // One row of entity 3 split off: its pairs with the others are false negatives.
        int rowsC = jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = 3", Integer.class);
        jdbc.update("UPDATE org_source SET master_id = 999999 WHERE master_id = 3 ORDER BY id LIMIT 1");
        // One row of entity 4 not linked at all: the same.
        int rowsD = jdbc.queryForObject("SELECT COUNT(*) FROM org_source WHERE master_id = 4", Integer.class);
        jdbc.update("DELETE FROM org_source WHERE master_id = 4 ORDER BY id LIMIT 1");

        PairwiseScore.Result spoiled = PairwiseScore.organizations(jdbc, truth);

        assertThat(spoiled.falsePositives()).isEqualTo((long) rowsA * rowsB);
        assertThat(spoiled.falseNegatives()).isEqualTo((long) (rowsC - 1) + (rowsD - 1));
        assertThat(spoiled.truePositives() + spoiled.falseNegatives()).isEqualTo(perfect.truePositives());
        assertThat(spoiled.unlinkedRows()).isOne();
        assertThat(spoiled.worstMerges()).extracting(PairwiseScore.Merge::master).containsExactly(a);
        assertThat(spoiled.worstSplits()).extracting(PairwiseScore.Split::entity).containsExactlyInAnyOrder(3L, 4L);
        assertThat(TruthDiagnostics.organizations(jdbc, truth, spoiled, 2)).anyMatch(line -> line.startsWith("wrong merge"));
    }

    /** Links every row to a master numbered as its entity: what a perfect reconcile would do. */
    private void oracle(String table, RowEntities rows) {
        List<Object[]> links = new ArrayList<>();
        for (String template : rows.templates()) {
            rows.forEach(template, (id, entity, tags) -> links.add(new Object[] {template, id, entity}));
        }
        jdbc.batchUpdate("INSERT INTO " + table + " (template, stg_id, master_id, district_code, period, norm_name, how, "
                + "linked_at) VALUES (?, ?, ?, '130102', '2026-04', '', 'oracle', NOW(6))", links);
    }
}
