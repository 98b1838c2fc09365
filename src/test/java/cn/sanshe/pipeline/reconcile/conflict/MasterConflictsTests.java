package cn.sanshe.pipeline.reconcile.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reconcile.survive.SourceValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-master conflict rules on hand-made rows: the edges the generated data rarely hits. */
class MasterConflictsTests {

    private static long nextId = 1;

    private static SourceValues row(String template, String period, Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        values.put("district_code", "130102");
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return new SourceValues(template, nextId++, period, values);
    }

    @Test
    void aLedgerMonthConflictsOnlyWithTheRegistrysNewestEntryUpToThatMonth() {
        List<SourceValues> rows = List.of(
                row("D1", "2026-01", "registry_status", "正常"),
                row("D1", "2026-03", "registry_status", "注销"),
                row("D1", "2026-05", "registry_status", "正常"),
                row("S2", "2026-02", "unit_code", "130102001", "name", "阳光社区老年协会"),
                row("S2", "2026-03", "unit_code", "130102001", "name", "阳光社区老年协会"),
                row("S2", "2026-04", "unit_code", "130102002", "name", "阳光老年协会"),
                row("S2", "2026-05", "unit_code", "130102001", "name", "阳光社区老年协会"));

        List<MasterConflicts.Found> found = MasterConflicts.activeButCancelled(7, rows);

        assertThat(found).extracting(MasterConflicts.Found::period).containsExactly("2026-03", "2026-04");
        assertThat(found.get(1).detail()).isEqualTo("130102002台账仍列为活动组织，登记管理机关名录为注销：阳光老年协会");
        assertThat(found).allMatch(f -> f.kind() == ConflictKind.ORG_ACTIVE_BUT_CANCELLED && f.masterId() == 7
                && f.key().equals(f.period()));
    }

    @Test
    void aLedgerWithoutAnyRegistryEntryBeforeItIsNoConflict() {
        List<SourceValues> rows = List.of(row("D1", "2026-06", "registry_status", "撤销"),
                row("S2", "2026-05", "unit_code", "130102001", "name", "甲"));

        assertThat(MasterConflicts.activeButCancelled(1, rows)).isEmpty();
        assertThat(MasterConflicts.activeButCancelled(1, List.of(row("D1", "2026-04", "registry_status", "撤销"),
                row("S2", "2026-05", "unit_code", "130102001", "name", "甲")))).hasSize(1);
    }

    @Test
    void twoCommunitiesInOneMonthIsAConflictOfThatMonthOnly() {
        List<SourceValues> rows = List.of(
                row("S3", "2026-01", "community_code", "130102001002"),
                row("S3", "2026-02", "community_code", "130102001002"),
                row("S3", "2026-02", "community_code", "130102001001", "district_code", "130101"),
                row("S3", "2026-03", "community_code", "130102001003"),
                row("S3", "2026-03", "community_code", "130102001003"),
                row("D3", "2026-02", "cert_no", "SG001"));

        List<MasterConflicts.Found> found = MasterConflicts.inTwoCommunities(3, rows);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).period()).isEqualTo("2026-02");
        assertThat(found.get(0).districtCode()).as("the first district in code order").isEqualTo("130101");
        assertThat(found.get(0).detail()).isEqualTo("同一人（" + MasterConflicts.MASKED_ID
                + "）在2个社区的花名册上：130102001001、130102001002");
    }

    @Test
    void aClaimedCertificateIsAConflictOnlyWhenTheRegisterHoldsNoneForThePerson() {
        List<SourceValues> claims = List.of(
                row("S3", "2026-01", "claimed_cert_level", "助理社会工作师"),
                row("S3", "2026-02", "claimed_cert_level", "助理社会工作师", "claimed_cert_no", "ZS2026001"),
                row("S3", "2026-03"));

        MasterConflicts.Found found = MasterConflicts.claimedNotInRegister(5, claims).orElseThrow();

        assertThat(found.period()).as("the newest month with a claim").isEqualTo("2026-02");
        assertThat(found.key()).isEqualTo("ZS2026001");
        assertThat(found.detail()).isEqualTo("花名册填报助理社会工作师（证书编号ZS2026001），持证名录中没有：按未核实处理，不计入持证人数");
        assertThat(MasterConflicts.claimedNotInRegister(5, List.of(claims.get(0), row("D3", "2025-12", "cert_no", "X"))))
                .as("the register holds a certificate of the person").isEmpty();
        assertThat(MasterConflicts.claimedNotInRegister(5, List.of(row("S3", "2026-01")))).as("nothing claimed").isEmpty();
    }

    @Test
    void certificateNumbersOfAMasterComeOnceWithTheirNewestMonth() {
        List<SourceValues> rows = List.of(
                row("D3", "2026-01", "cert_no", "zs001"),
                row("D3", "2026-03", "cert_no", "ZS001 ", "district_code", "130101"),
                row("S3", "2026-02", "claimed_cert_no", "ZS009"),
                row("S3", "2026-02", "claimed_cert_no", "  "),
                row("S3", "2026-04", "cert_no", "ignored: a roster's own column is claimed_cert_no"));

        assertThat(MasterConflicts.certNos(9, rows)).containsExactly(
                new MasterConflicts.CertNo("zs001", 9, "2026-03", "130101"),
                new MasterConflicts.CertNo("ZS009", 9, "2026-02", "130102"));
    }
}
