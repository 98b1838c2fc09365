package cn.sanshe.pipeline.reconcile.truth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Why a score is not perfect: which rows sit away from their entity's main master (missed pairs)
 * or in another entity's master (wrong merges), tallied by the noise they carry and by how
 * reconcile linked them, with the worst cases shown row by row. Identity numbers appear masked
 * only.
 */
public final class TruthDiagnostics {

    private TruthDiagnostics() {
    }

    public static List<String> organizations(JdbcTemplate jdbc, Truth truth, PairwiseScore.Result result, int examples) {
        return explain(jdbc, truth.orgRows(), result, "org_source", truth.orgNotes(), examples, true);
    }

    public static List<String> workers(JdbcTemplate jdbc, Truth truth, PairwiseScore.Result result, int examples) {
        return explain(jdbc, truth.workerRows(), result, "worker_source", truth.workerNotes(), examples, false);
    }

    /**
     * The doubtful pairs reconcile sent to stewards: how many are truly one organization (what a
     * steward will merge) and how many truly two (what a steward will keep apart).
     */
    public static List<String> reviews(JdbcTemplate jdbc, Truth truth, PairwiseScore.Result orgs, int examples) {
        int[] same = {0};
        int[] different = {0};
        List<String> shown = new ArrayList<>();
        jdbc.query("SELECT master_a, master_b, score, evidence, status FROM org_review ORDER BY id", rs -> {
            long a = orgs.entityOf(rs.getLong(1));
            long b = orgs.entityOf(rs.getLong(2));
            boolean one = a == b && a != 0;
            (one ? same : different)[0]++;
            if (shown.size() < examples) {
                shown.add(String.format(Locale.ROOT, "  %s: masters %d/%d = #%d/#%d, score %s, %s (%s)",
                        one ? "truly one" : "truly two", rs.getLong(1), rs.getLong(2), a, b, rs.getString(3),
                        rs.getString(4), rs.getString(5)));
            }
        });
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "org_review: %d pairs for stewards, %d truly one organization (a steward "
                + "merges them), %d truly two", same[0] + different[0], same[0], different[0]));
        lines.addAll(shown);
        return lines;
    }

    static String tags(int tags) {
        List<String> names = new ArrayList<>();
        String[] all = {"prefix", "spacing", "homophone", "edit", "no-code", "no-phone", "planted"};
        for (int bit = 0; bit < all.length; bit++) {
            if ((tags & 1 << bit) != 0) {
                names.add(all[bit]);
            }
        }
        return names.isEmpty() ? "clean" : String.join("+", names);
    }

    private record Link(long master, String how, String score) {
    }

    private static List<String> explain(JdbcTemplate jdbc, RowEntities truth, PairwiseScore.Result result,
            String sourceTable, Map<Long, String> notes, int examples, boolean orgs) {
        List<String> lines = new ArrayList<>();
        lines.add(result.describe());
        if (result.falsePositives() == 0 && result.falseNegatives() == 0) {
            return lines;
        }
        Map<String, Link[]> links = new HashMap<>();
        for (String template : truth.templates()) {
            links.put(template, new Link[truth.rows(template)]);
        }
        boolean hasScore = orgs;
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(Integer.MIN_VALUE);
        streaming.query("SELECT template, stg_id, master_id, how" + (hasScore ? ", score" : "") + " FROM " + sourceTable,
                rs -> {
                    String template = rs.getString(1);
                    long stgId = rs.getLong(2);
                    if (truth.entity(template, stgId) == 0) {
                        return;
                    }
                    links.get(template)[(int) (stgId - truth.firstId(template))] = new Link(
                            result.resolve(rs.getLong(3)), rs.getString(4), hasScore ? rs.getString(5) : null);
                });
        // The main master of every entity: where most of its rows are.
        long[] packed = new long[truth.size()];
        int[] n = {0};
        for (String template : truth.templates()) {
            Link[] column = links.get(template);
            long first = truth.firstId(template);
            truth.forEach(template, (stgId, entity, tags) -> {
                Link link = column[(int) (stgId - first)];
                if (link != null) {
                    packed[n[0]++] = (long) entity << 32 | link.master();
                }
            });
        }
        Arrays.sort(packed, 0, n[0]);
        Map<Integer, Long> mainMaster = new HashMap<>();
        int[] bestCount = new int[truth.maxEntity() + 1];
        for (int i = 0; i < n[0];) {
            long key = packed[i];
            int count = 0;
            while (i < n[0] && packed[i] == key) {
                count++;
                i++;
            }
            int entity = (int) (key >>> 32);
            if (count > bestCount[entity]) {
                bestCount[entity] = count;
                mainMaster.put(entity, key & 0xFFFFFFFFL);
            }
        }
        Map<String, Integer> away = new TreeMap<>();
        Map<String, Integer> intruding = new TreeMap<>();
        for (String template : truth.templates()) {
            Link[] column = links.get(template);
            long first = truth.firstId(template);
            truth.forEach(template, (stgId, entity, tags) -> {
                Link link = column[(int) (stgId - first)];
                String note = notes.getOrDefault((long) entity, "");
                String kind = note.isEmpty() ? "" : " [" + note.replaceAll("#\\d+|\\d{4}-\\d{2}|[0-9]{9,}", "…") + "]";
                if (link == null) {
                    away.merge(template + " " + tags(tags) + " unlinked" + kind, 1, Integer::sum);
                    return;
                }
                if (link.master() != mainMaster.get(entity)) {
                    away.merge(template + " " + tags(tags) + " how=" + link.how() + kind, 1, Integer::sum);
                }
                if (result.entityOf(link.master()) != entity) {
                    intruding.merge(template + " " + tags(tags) + " how=" + link.how() + kind, 1, Integer::sum);
                }
            });
        }
        lines.add("rows away from their entity's main master (missed pairs), by template, noise, link:");
        top(away).forEach(line -> lines.add("  " + line));
        lines.add("rows in a master of another entity (wrong merges), by template, noise, link:");
        top(intruding).forEach(line -> lines.add("  " + line));

        int shown = 0;
        for (PairwiseScore.Merge merge : result.worstMerges()) {
            if (shown++ >= examples) {
                break;
            }
            lines.add(String.format(Locale.ROOT, "wrong merge: master %d holds %s (%d false pairs)", merge.master(),
                    merge.rowsByEntity().entrySet().stream().map(e -> "#" + e.getKey() + "×" + e.getValue()).toList(),
                    merge.falsePairs()));
            for (Long entity : merge.rowsByEntity().keySet()) {
                lines.add("  #" + entity + " " + notes.getOrDefault(entity, "plain"));
                rows(jdbc, truth, links, entity, merge.master(), 3, orgs).forEach(row -> lines.add("    " + row));
            }
        }
        shown = 0;
        for (PairwiseScore.Split split : result.worstSplits()) {
            if (shown++ >= examples) {
                break;
            }
            lines.add(String.format(Locale.ROOT, "missed: #%d (%s) spread over masters %s%s (%d missed pairs)",
                    split.entity(), notes.getOrDefault(split.entity(), "plain"), split.rowsByMaster(),
                    split.unlinked() > 0 ? " and " + split.unlinked() + " unlinked rows" : "", split.missedPairs()));
            for (Long master : split.rowsByMaster().keySet()) {
                rows(jdbc, truth, links, split.entity(), master, 3, orgs).forEach(row -> lines.add("    " + row));
            }
            if (split.unlinked() > 0) {
                rows(jdbc, truth, links, split.entity(), -1, 3, orgs).forEach(row -> lines.add("    " + row));
            }
        }
        return lines;
    }

    private static List<String> top(Map<String, Integer> tally) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(tally.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(25, entries.size()))) {
            lines.add(String.format(Locale.ROOT, "%,7d  %s", e.getValue(), e.getKey()));
        }
        if (lines.isEmpty()) {
            lines.add("none");
        }
        return lines;
    }

    /** Up to {@code limit} rows of an entity in a master (-1: its unlinked rows), as a steward reads them. */
    private static List<String> rows(JdbcTemplate jdbc, RowEntities truth, Map<String, Link[]> links, long entity,
            long master, int limit, boolean orgs) {
        Map<String, List<Long>> ids = new LinkedHashMap<>();
        for (String template : truth.templates()) {
            Link[] column = links.get(template);
            long first = truth.firstId(template);
            List<Long> found = new ArrayList<>();
            truth.forEach(template, (stgId, e, tags) -> {
                Link link = column[(int) (stgId - first)];
                if (e == entity && (master < 0 ? link == null : link != null && link.master() == master)) {
                    found.add(stgId);
                }
            });
            if (!found.isEmpty()) {
                ids.put(template, found.subList(0, Math.min(limit, found.size())));
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : ids.entrySet()) {
            String template = e.getKey();
            String sql = switch (template) {
                case "S2" -> "SELECT id, period, org_name, credit_code, reg_status, person_in_charge, phone, community_code "
                        + "FROM stg_s2_org_ledger";
                case "D1" -> "SELECT id, period, org_name, credit_code, reg_status, legal_rep, NULL, community_code "
                        + "FROM stg_d1_org_registry";
                case "S3" -> "SELECT id, period, name, id_masked, cert_level, cert_no, community_code, NULL "
                        + "FROM stg_s3_worker";
                default -> "SELECT id, period, name, id_masked, cert_level, cert_no, street_code, NULL "
                        + "FROM stg_d3_certificate";
            };
            String in = String.join(",", Collections.nCopies(e.getValue().size(), "?"));
            jdbc.query(sql + " WHERE id IN (" + in + ") ORDER BY id", rs -> {
                long stgId = rs.getLong(1);
                Link link = links.get(template)[(int) (stgId - truth.firstId(template))];
                List<String> cells = new ArrayList<>();
                for (int i = 2; i <= 8; i++) {
                    String value = rs.getString(i);
                    cells.add(value == null ? "∅" : value);
                }
                out.add(String.format(Locale.ROOT, "%s:%d %s | %s%s", template, stgId, String.join(" | ", cells),
                        tags(truth.tags(template, stgId)), link == null ? " | unlinked"
                                : " | master " + link.master() + " how=" + link.how()
                                        + (link.score() == null ? "" : " score=" + link.score())));
            }, e.getValue().toArray());
        }
        return out;
    }
}
