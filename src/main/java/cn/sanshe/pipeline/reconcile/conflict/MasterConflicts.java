package cn.sanshe.pipeline.reconcile.conflict;

import cn.sanshe.pipeline.reconcile.survive.SourceRowsListener;
import cn.sanshe.pipeline.reconcile.survive.SourceValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The conflicts one master's own rows show, found while survivorship holds a batch's rows:
 * a worker on two communities' rosters in one month, a roster's certificate the register does
 * not hold, a street listing as active an organization the registry has 注销 or 撤销. It also
 * keeps {@code worker_cert_no}, the certificate numbers of each worker master, from which
 * {@link ConflictDetector} finds a number under two identity numbers.
 *
 * <p>Conflicts are only ever opened: the unique key (kind, master, period, conflict key) makes a
 * re-run add nothing it found before, and a resolved conflict stays resolved.
 */
@Component
public class MasterConflicts implements SourceRowsListener {

    static final Set<String> CANCELLED = Set.of("注销", "撤销");
    private static final List<String> COLUMNS = List.of("kind", "period", "master_kind", "master_id", "district_code",
            "conflict_key", "detail");

    /** Stands in a detail for the masked identity number, which the rows do not carry. */
    static final String MASKED_ID = "{masked}";

    private final JdbcTemplate jdbc;

    MasterConflicts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A conflict to open; {@code detail} may hold {@link #MASKED_ID} for the worker's masked identity number. */
    record Found(ConflictKind kind, String period, long masterId, String districtCode, String key, String detail) {
    }

    /** A certificate number a worker master's rows carry: its newest month and first district. */
    record CertNo(String certNo, long masterId, String lastPeriod, String districtCode) {
    }

    @Override
    public void batch(String masterKind, List<Long> masterIds, Map<Long, List<SourceValues>> rows) {
        List<Found> found = new ArrayList<>();
        if (masterKind.equals("org")) {
            rows.forEach((id, sources) -> found.addAll(activeButCancelled(id, sources)));
        } else {
            List<CertNo> certNos = new ArrayList<>();
            rows.forEach((id, sources) -> {
                found.addAll(inTwoCommunities(id, sources));
                claimedNotInRegister(id, sources).ifPresent(found::add);
                certNos.addAll(certNos(id, sources));
            });
            replaceCertNos(masterIds, certNos);
        }
        open(masterKind, found);
    }

    /**
     * Each month a street's ledger lists the organization while the registry's newest entry up to
     * that month says 注销 or 撤销. One conflict per month (the ledger row first loaded).
     */
    static List<Found> activeButCancelled(long masterId, List<SourceValues> sources) {
        Map<String, Found> byMonth = new TreeMap<>();
        for (SourceValues ledger : byStagingOrder(sources, "S2")) {
            if (byMonth.containsKey(ledger.period())) {
                continue;
            }
            String newest = null;
            for (SourceValues registry : sources) {
                if (registry.template().equals("D1") && registry.period().compareTo(ledger.period()) <= 0
                        && (newest == null || registry.period().compareTo(newest) > 0)) {
                    newest = registry.period();
                }
            }
            for (SourceValues registry : byStagingOrder(sources, "D1")) {
                String status = registry.text("registry_status");
                if (registry.period().equals(newest) && status != null && CANCELLED.contains(status)) {
                    byMonth.put(ledger.period(), new Found(ConflictKind.ORG_ACTIVE_BUT_CANCELLED, ledger.period(),
                            masterId, ledger.text("district_code"), ledger.period(), ledger.text("unit_code")
                                    + "台账仍列为活动组织，登记管理机关名录为" + status + "：" + ledger.text("name")));
                    break;
                }
            }
        }
        return List.copyOf(byMonth.values());
    }

    /** Each month the worker is on the rosters of more than one community. */
    static List<Found> inTwoCommunities(long masterId, List<SourceValues> sources) {
        Map<String, Set<String>> communities = new TreeMap<>();
        Map<String, String> district = new HashMap<>();
        for (SourceValues roster : sources) {
            if (!roster.template().equals("S3")) {
                continue;
            }
            String community = roster.text("community_code");
            if (community != null) {
                communities.computeIfAbsent(roster.period(), month -> new TreeSet<>()).add(community);
            }
            district.put(roster.period(), min(district.get(roster.period()), roster.text("district_code")));
        }
        List<Found> found = new ArrayList<>();
        communities.forEach((month, codes) -> {
            if (codes.size() > 1) {
                found.add(new Found(ConflictKind.WORKER_TWO_COMMUNITIES, month, masterId, district.get(month), month,
                        "同一人（" + MASKED_ID + "）在" + codes.size() + "个社区的花名册上：" + String.join("、", codes)));
            }
        });
        return found;
    }

    /**
     * A roster claims a certificate (a level other than 无, or a number) and the register holds none
     * for this person in any month: kept unverified, not counted as certified.
     */
    static Optional<Found> claimedNotInRegister(long masterId, List<SourceValues> sources) {
        String period = null;
        String district = null;
        String number = null;
        String level = null;
        for (SourceValues row : sources) {
            if (row.template().equals("D3")) {
                return Optional.empty();
            }
            String claimedLevel = row.text("claimed_cert_level");
            String claimedNo = row.text("claimed_cert_no");
            if (claimedLevel == null && claimedNo == null) {
                continue;
            }
            period = max(period, row.period());
            district = min(district, row.text("district_code"));
            number = max(number, claimedNo);
            level = max(level, claimedLevel);
        }
        if (period == null) {
            return Optional.empty();
        }
        String what = level == null ? "证书" : level;
        return Optional.of(new Found(ConflictKind.CERT_NOT_IN_REGISTER, period, masterId, district,
                number != null ? number : what, "花名册填报" + what + (number == null ? "" : "（证书编号" + number + "）")
                        + "，持证名录中没有：按未核实处理，不计入持证人数"));
    }

    /** The certificate numbers the register gives the person or a roster claims for them. */
    static List<CertNo> certNos(long masterId, List<SourceValues> sources) {
        // Keyed as the database compares them (case-insensitive), so one master gives a number once.
        Map<String, CertNo> numbers = new LinkedHashMap<>();
        for (SourceValues row : sources) {
            String number = row.text(row.template().equals("D3") ? "cert_no" : "claimed_cert_no");
            if (number == null) {
                continue;
            }
            number = number.strip();
            String district = row.text("district_code");
            numbers.merge(number.toUpperCase(Locale.ROOT), new CertNo(number, masterId, row.period(), district),
                    (a, b) -> new CertNo(a.certNo(), masterId, max(a.lastPeriod(), b.lastPeriod()),
                            min(a.districtCode(), b.districtCode())));
        }
        return List.copyOf(numbers.values());
    }

    private void replaceCertNos(List<Long> masterIds, List<CertNo> certNos) {
        jdbc.update("DELETE FROM worker_cert_no WHERE master_id IN (" + marks(masterIds.size(), "?") + ")",
                masterIds.toArray());
        if (certNos.isEmpty()) {
            return;
        }
        Object[] args = new Object[certNos.size() * 4];
        int i = 0;
        for (CertNo certNo : certNos) {
            args[i++] = certNo.certNo();
            args[i++] = certNo.masterId();
            args[i++] = certNo.lastPeriod();
            args[i++] = certNo.districtCode();
        }
        // IGNORE: numbers the collation holds equal (trailing spaces, full-width letters) count once.
        jdbc.update("INSERT IGNORE INTO worker_cert_no (cert_no, master_id, last_period, district_code) VALUES "
                + marks(certNos.size(), "(?, ?, ?, ?)"), args);
    }

    private void open(String masterKind, List<Found> found) {
        if (found.isEmpty()) {
            return;
        }
        Map<Long, String> masked = masterKind.equals("worker") ? maskedIds(found) : Map.of();
        Object[] args = new Object[found.size() * COLUMNS.size()];
        int i = 0;
        for (Found conflict : found) {
            args[i++] = conflict.kind().name();
            args[i++] = conflict.period();
            args[i++] = masterKind;
            args[i++] = conflict.masterId();
            args[i++] = conflict.districtCode();
            args[i++] = conflict.key();
            args[i++] = conflict.detail().replace(MASKED_ID, String.valueOf(masked.get(conflict.masterId())));
        }
        jdbc.update("INSERT INTO reconcile_conflict (" + String.join(", ", COLUMNS) + ", status, opened_at) VALUES "
                + marks(found.size(), "(" + marks(COLUMNS.size(), "?") + ", 'open', CURRENT_TIMESTAMP(6))")
                + " ON DUPLICATE KEY UPDATE status = reconcile_conflict.status", args);
    }

    private Map<Long, String> maskedIds(List<Found> found) {
        List<Long> ids = found.stream().filter(conflict -> conflict.detail().contains(MASKED_ID)).map(Found::masterId)
                .distinct().toList();
        Map<Long, String> masked = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT id, id_masked FROM worker_master WHERE id IN (" + marks(ids.size(), "?") + ")",
                    rs -> {
                        masked.put(rs.getLong(1), rs.getString(2));
                    }, ids.toArray());
        }
        return masked;
    }

    private static List<SourceValues> byStagingOrder(List<SourceValues> sources, String template) {
        List<SourceValues> rows = new ArrayList<>();
        for (SourceValues source : sources) {
            if (source.template().equals(template)) {
                rows.add(source);
            }
        }
        rows.sort((a, b) -> Long.compare(a.stgId(), b.stgId()));
        return rows;
    }

    private static String marks(int count, String mark) {
        return String.join(", ", Collections.nCopies(count, mark));
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }
}
