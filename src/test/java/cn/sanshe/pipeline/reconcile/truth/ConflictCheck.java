package cn.sanshe.pipeline.reconcile.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The conflicts reconcile opened of one kind, against those planted: by the entity each
 * conflict's master stands for (the entity most of its rows come from).
 *
 * <p>For CERT_TWO_IDS a planted pair counts as found when a conflict names either of its two
 * workers; any other worker named is unexpected.
 *
 * @param flagged    entities with a conflict of the kind → its periods
 * @param missed     planted entities with none (for certificate pairs: both of a pair nobody flagged)
 * @param unexpected entities flagged that were not planted (0: a master with no truth row)
 */
public record ConflictCheck(String kind, SortedSet<Long> planted, Map<Long, SortedSet<String>> flagged,
        SortedSet<Long> missed, SortedSet<Long> unexpected, int conflictRows) {

    public boolean exact() {
        return missed.isEmpty() && unexpected.isEmpty();
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s: planted %d entities, %d conflict rows name %d entities; missed %s; "
                + "unexpected %s", kind, planted.size(), conflictRows, flagged.size(), abbreviate(missed),
                abbreviate(unexpected));
    }

    private static String abbreviate(SortedSet<Long> ids) {
        if (ids.size() <= 20) {
            return ids.toString();
        }
        return new ArrayList<>(ids).subList(0, 20) + "… (" + ids.size() + ")";
    }

    public static List<ConflictCheck> all(JdbcTemplate jdbc, Truth truth, PairwiseScore.Result orgs,
            PairwiseScore.Result workers) {
        List<ConflictCheck> checks = new ArrayList<>();
        for (String kind : Truth.Planted.KINDS) {
            checks.add(of(jdbc, truth, kind, orgs, workers));
        }
        return checks;
    }

    public static ConflictCheck of(JdbcTemplate jdbc, Truth truth, String kind, PairwiseScore.Result orgs,
            PairwiseScore.Result workers) {
        Map<Long, SortedSet<String>> flagged = new TreeMap<>();
        int[] rows = {0};
        jdbc.query("SELECT master_kind, master_id, period FROM reconcile_conflict WHERE kind = ?", rs -> {
            String masterKind = rs.getString(1);
            PairwiseScore.Result score = masterKind != null && masterKind.toLowerCase(Locale.ROOT).startsWith("org")
                    ? orgs : workers;
            flagged.computeIfAbsent(score.entityOf(rs.getLong(2)), k -> new TreeSet<>()).add(rs.getString(3));
            rows[0]++;
        }, kind);
        SortedSet<Long> planted = truth.planted().entities(kind);
        SortedSet<Long> missed = new TreeSet<>();
        SortedSet<Long> unexpected = new TreeSet<>(flagged.keySet());
        unexpected.removeAll(planted);
        if (kind.equals(Truth.Planted.CERT_TWO_IDS)) {
            for (Truth.CertPair pair : truth.planted().certTwoIds()) {
                if (!flagged.containsKey(pair.holder()) && !flagged.containsKey(pair.other())) {
                    missed.add(pair.holder());
                    missed.add(pair.other());
                }
            }
        } else {
            missed.addAll(planted);
            missed.removeAll(flagged.keySet());
        }
        return new ConflictCheck(kind, planted, flagged, missed, unexpected, rows[0]);
    }
}
