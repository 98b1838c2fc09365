package cn.sanshe.pipeline.reconcile.truth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pairwise precision and recall of reconcile's masters against the truth: over all pairs of
 * staging rows, a pair is predicted the same when both rows belong to the same master (after
 * following {@code merged_into}), and is truly the same when both come from the same entity.
 * Counted by combinatorics over the (master, entity) cells, never pair by pair: the rows are
 * sorted once by master and entity, so millions of rows score in seconds.
 *
 * <p>A truth row reconcile did not link to any master counts as a master of its own.
 */
public final class PairwiseScore {

    private static final int WORST = 25;

    private PairwiseScore() {
    }

    /** A master holding rows of several entities: wrongly merged pairs. */
    public record Merge(long master, Map<Long, Integer> rowsByEntity, long falsePairs) {
    }

    /** An entity whose rows are spread over several masters (or left unlinked): missed pairs. */
    public record Split(long entity, Map<Long, Integer> rowsByMaster, int unlinked, long missedPairs) {
    }

    public record Result(String what, long truthRows, long linkedRows, long unlinkedRows, long masters, long entities,
            long truePositives, long falsePositives, long falseNegatives, List<Merge> worstMerges,
            List<Split> worstSplits, Map<Long, Long> entityOfMaster, Map<Long, Long> resolvedMaster) {

        public double precision() {
            long predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        public double recall() {
            long actual = truePositives + falseNegatives;
            return actual == 0 ? 1.0 : (double) truePositives / actual;
        }

        /** The entity most of a master's rows come from; 0 when the master holds no truth row. */
        public long entityOf(long master) {
            return entityOfMaster.getOrDefault(resolve(master), 0L);
        }

        /** A master after following merged_into. */
        public long resolve(long master) {
            return resolvedMaster.getOrDefault(master, master);
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s: %,d rows (%,d linked, %,d unlinked) of %,d entities into %,d masters; "
                    + "TP %,d, FP %,d, FN %,d; precision %.5f, recall %.5f", what, truthRows, linkedRows, unlinkedRows,
                    entities, masters, truePositives, falsePositives, falseNegatives, precision(), recall());
        }
    }

    public static Result organizations(JdbcTemplate jdbc, Truth truth) {
        return score(jdbc, truth.orgRows(), "organizations", "org_source", "org_master");
    }

    public static Result workers(JdbcTemplate jdbc, Truth truth) {
        return score(jdbc, truth.workerRows(), "workers", "worker_source", "worker_master");
    }

    static Result score(JdbcTemplate jdbc, RowEntities truth, String what, String sourceTable, String masterTable) {
        Map<Long, Long> resolved = mergedInto(jdbc, masterTable);
        long truthRows = truth.size();
        long[] cells = new long[(int) truthRows];
        int[] linked = {0};
        Map<String, java.util.BitSet> seen = new HashMap<>();
        for (String template : truth.templates()) {
            seen.put(template, new java.util.BitSet());
        }
        Map<String, Long> firstIds = new HashMap<>();
        for (String template : truth.templates()) {
            firstIds.put(template, truth.firstId(template));
        }
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(Integer.MIN_VALUE);   // Connector/J: stream the rows instead of holding them all
        streaming.query("SELECT template, stg_id, master_id FROM " + sourceTable, rs -> {
            String template = rs.getString(1);
            long stgId = rs.getLong(2);
            int entity = truth.entity(template, stgId);
            if (entity == 0) {
                return;
            }
            java.util.BitSet bits = seen.get(template);
            int index = (int) (stgId - firstIds.get(template));
            if (bits.get(index)) {
                return;   // one link per row (a unique key); ignore a duplicate defensively
            }
            bits.set(index);
            long master = resolve(resolved, rs.getLong(3));
            cells[linked[0]++] = master << 31 | entity;
        });
        int n = linked[0];
        // Unlinked truth rows: each its own master.
        Map<Long, Integer> unlinkedByEntity = new HashMap<>();
        int[] sizeOf = new int[truth.maxEntity() + 1];
        for (String template : truth.templates()) {
            java.util.BitSet bits = seen.get(template);
            long first = firstIds.get(template);
            truth.forEach(template, (stgId, entity, tags) -> {
                sizeOf[entity]++;
                if (!bits.get((int) (stgId - first))) {
                    unlinkedByEntity.merge((long) entity, 1, Integer::sum);
                }
            });
        }
        long truePairs = 0;
        long entities = 0;
        for (int size : sizeOf) {
            truePairs += pairs(size);
            entities += size > 0 ? 1 : 0;
        }
        Arrays.sort(cells, 0, n);
        int[] cellsOf = new int[sizeOf.length];   // masters an entity's linked rows are in
        for (int c = 0; c < n; c++) {
            if (c == 0 || cells[c] != cells[c - 1]) {
                cellsOf[(int) (cells[c] & 0x7FFFFFFFL)]++;
            }
        }
        long tp = 0;
        long predicted = 0;
        long masters = 0;
        Map<Long, Long> entityOfMaster = new HashMap<>();
        Map<Long, Map<Long, Integer>> mastersByEntity = new HashMap<>();
        List<Merge> merges = new ArrayList<>();
        int i = 0;
        while (i < n) {
            long master = cells[i] >>> 31;
            int masterRows = 0;
            long bestEntity = 0;
            int bestRows = 0;
            Map<Long, Integer> byEntity = new java.util.LinkedHashMap<>();
            while (i < n && cells[i] >>> 31 == master) {
                long cell = cells[i];
                int rows = 0;
                while (i < n && cells[i] == cell) {
                    rows++;
                    i++;
                }
                long entity = cell & 0x7FFFFFFFL;
                tp += pairs(rows);
                masterRows += rows;
                byEntity.put(entity, rows);
                if (cellsOf[(int) entity] > 1 || unlinkedByEntity.containsKey(entity)) {
                    mastersByEntity.computeIfAbsent(entity, k -> new HashMap<>()).merge(master, rows, Integer::sum);
                }
                if (rows > bestRows) {
                    bestRows = rows;
                    bestEntity = entity;
                }
            }
            masters++;
            predicted += pairs(masterRows);
            entityOfMaster.put(master, bestEntity);
            if (byEntity.size() > 1) {
                long within = byEntity.values().stream().mapToLong(PairwiseScore::pairs).sum();
                merges.add(new Merge(master, byEntity, pairs(masterRows) - within));
            }
        }
        masters += unlinkedByEntity.values().stream().mapToLong(Integer::longValue).sum();
        List<Split> splits = new ArrayList<>();
        for (int entity = 1; entity < sizeOf.length; entity++) {
            long id = entity;
            int unlinked = unlinkedByEntity.getOrDefault(id, 0);
            if (cellsOf[entity] + unlinked > 1) {
                Map<Long, Integer> byMaster = mastersByEntity.getOrDefault(id, Map.of());
                long within = byMaster.values().stream().mapToLong(PairwiseScore::pairs).sum();
                splits.add(new Split(id, byMaster, unlinked, pairs(sizeOf[entity]) - within));
            }
        }
        merges.sort(Comparator.comparingLong(Merge::falsePairs).reversed().thenComparingLong(Merge::master));
        splits.sort(Comparator.comparingLong(Split::missedPairs).reversed().thenComparingLong(Split::entity));
        long unlinked = truthRows - n;
        return new Result(what, truthRows, n, unlinked, masters, entities, tp, predicted - tp, truePairs - tp,
                List.copyOf(merges.subList(0, Math.min(WORST, merges.size()))),
                List.copyOf(splits.subList(0, Math.min(WORST, splits.size()))), entityOfMaster, resolved);
    }

    static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    /** master → the master it was merged into, followed to the end, for every merged master. */
    private static Map<Long, Long> mergedInto(JdbcTemplate jdbc, String masterTable) {
        Integer hasColumn = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                + "DATABASE() AND table_name = ? AND column_name = 'merged_into'", Integer.class, masterTable);
        Map<Long, Long> direct = new HashMap<>();
        if (hasColumn != null && hasColumn > 0) {
            jdbc.query("SELECT id, merged_into FROM " + masterTable + " WHERE merged_into IS NOT NULL",
                    rs -> {
                        direct.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        Map<Long, Long> resolved = new HashMap<>();
        for (Long master : direct.keySet()) {
            resolved.put(master, resolve(direct, master));
        }
        return resolved;
    }

    private static long resolve(Map<Long, Long> mergedInto, long master) {
        long current = master;
        for (int hops = 0; hops < 100; hops++) {
            Long next = mergedInto.get(current);
            if (next == null || next == current) {
                return current;
            }
            current = next;
        }
        return current;   // a cycle: stop somewhere stable
    }
}
