package cn.sanshe.pipeline.reconcile.survive;

import cn.sanshe.pipeline.system.BulkRows;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes dirty masters, a batch at a time in its own transaction, until none is left: a crash
 * leaves the rest dirty for the next run. Steward overrides (a value chosen to resolve a
 * conflict) win over every source. The rules are applied in Java (they are easier to read there
 * than as window functions); what makes it fast is the I/O: a batch's rows in one query, its
 * chosen values and provenance in two bulk loads and one joined update.
 */
@Component
public class Survivorship {

    /**
     * Masters per batch. Kept well under 1,000 on purpose: MariaDB turns an IN list of 1,000 values or
     * more (in_predicate_conversion_threshold) into a join with a table of those values, and the
     * optimizer then at times scans every source row once per batch instead of looking the batch's
     * rows up by master — what made survivorship at 4× take anywhere from 73 to 361 s (slow-query log:
     * full scans of org_source, 2.3 M rows examined for 24 K sent).
     */
    static final int BATCH = 500;
    /**
     * Batches recomputed at once: one thread reads and chooses while the other's batch is in the
     * database, which keeps both of the target's two cores busy. Lanes take the odd and even ids.
     */
    static final int LANES = 2;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<SourceRowsListener> listeners;

    Survivorship(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, List<SourceRowsListener> listeners) {
        this.jdbc = jdbc;
        this.listeners = List.copyOf(listeners);
        this.transaction = new TransactionTemplate(transactionManager);
        // Lanes write neighbouring keys (masters, provenance): no gap locks between them.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Recomputes every dirty master of both kinds; returns how many. */
    public int recomputeDirty() {
        ExecutorService lanes = Executors.newFixedThreadPool(LANES, runnable -> {
            Thread thread = new Thread(runnable, "survivorship-" + System.identityHashCode(runnable));
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                int mine = lane;
                done.add(lanes.submit(() -> recomputeDirty(mine)));
            }
            int total = 0;
            for (Future<Integer> lane : done) {
                total += lane.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("survivorship interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            lanes.shutdownNow();
        }
    }

    private int recomputeDirty(int lane) {
        int done = 0;
        for (MasterKind kind : MasterKind.values()) {
            List<Long> ids;
            long after = 0;
            // Onwards from the last batch: a master just cleaned leaves a delete-marked entry in the dirty
            // index until purge, and scanning those from the start each time made the step quadratic.
            // Table names are the enum's constants.
            while (!(ids = jdbc.queryForList("SELECT id FROM " + kind.table + " WHERE dirty = TRUE AND id > ? AND MOD(id, "
                    + LANES + ") = " + lane + " ORDER BY id LIMIT " + BATCH, Long.class, after)).isEmpty()) {
                List<Long> batch = ids;
                inTransaction(kind, batch);
                done += batch.size();
                after = batch.get(batch.size() - 1);
            }
        }
        return done;
    }

    /** A batch whose transaction lost a deadlock to the other lane is simply done again. */
    private void inTransaction(MasterKind kind, List<Long> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> recompute(kind, batch));
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Recomputes the given masters now (after a steward's merge or unmerge). */
    public void recompute(String kindId, List<Long> ids) {
        MasterKind kind = kindId.equals("org") ? MasterKind.ORG : MasterKind.WORKER;
        transaction.executeWithoutResult(status -> recompute(kind, ids));
    }

    private void recompute(MasterKind kind, List<Long> ids) {
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        Map<Long, List<SourceValues>> rows = new HashMap<>();
        Object[] args = new Object[ids.size() * 2];
        for (int i = 0; i < ids.size(); i++) {
            args[i] = ids.get(i);
            args[ids.size() + i] = ids.get(i);
        }
        // The query repeats the id list for each of its two halves.
        String sql = String.format(kind.rowsSql.replace("%1$s", "%s"), marks, marks);
        jdbc.query(sql, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> values = new HashMap<>();
            for (int i = 5; i <= meta.getColumnCount(); i++) {
                values.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            rows.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new SourceValues(rs.getString(2), rs.getLong(3), rs.getString(4), values));
        }, args);
        Map<Long, Map<String, AttributeHistory.Override>> overrides = overrides(kind, marks, ids);
        List<Object[]> provenance = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Long> withoutRows = new ArrayList<>();
        List<Object[]> values = new ArrayList<>(ids.size());
        rows.values().forEach(sources -> sources.sort(SourceValues.NEWEST_FIRST));
        for (Long id : ids) {
            List<SourceValues> sources = rows.getOrDefault(id, List.of());
            if (sources.isEmpty()) {
                // Every row of it was superseded: keep what it had, it no longer changes.
                withoutRows.add(id);
                continue;
            }
            Map<String, Object> chosen = new LinkedHashMap<>();
            Map<String, Object[]> from = new LinkedHashMap<>();
            kind.rules.forEach((field, rule) -> rule.choose(sources, field).ifPresentOrElse(value -> {
                chosen.put(field, value.value());
                from.put(field, new Object[] {kind.id, id, field, value.source().template(), value.source().stgId()});
            }, () -> chosen.put(field, null)));
            derive(kind, sources, chosen);
            Map<String, AttributeHistory.Override> chosenByStewards = overrides.getOrDefault(id, Map.of());
            chosenByStewards.forEach((field, value) -> {
                if (!kind.columns.contains(field)) {
                    throw new IllegalStateException("a steward's value for " + field + ", which " + kind.table
                            + " does not survive");
                }
                chosen.put(field, value.value());
                from.put(field, new Object[] {kind.id, id, field, "ST", 0L});
            });
            history.addAll(AttributeHistory.versions(kind, id, sources, chosenByStewards));
            provenance.addAll(from.values());
            Object[] row = new Object[kind.columns.size() + 3];
            row[0] = id;
            for (int i = 0; i < kind.columns.size(); i++) {
                row[i + 1] = chosen.get(kind.columns.get(i));
            }
            row[row.length - 2] = sources.stream().map(SourceValues::period).min(String::compareTo).orElseThrow();
            row[row.length - 1] = sources.stream().map(SourceValues::period).max(String::compareTo).orElseThrow();
            values.add(row);
        }
        if (!withoutRows.isEmpty()) {
            jdbc.update("UPDATE " + kind.table + " SET dirty = FALSE WHERE id IN ("
                    + String.join(",", Collections.nCopies(withoutRows.size(), "?")) + ")", withoutRows.toArray());
        }
        // Earlier versions: the batch's are replaced (a master whose rows were all superseded keeps its own).
        List<Long> withRows = ids.stream().filter(id -> !withoutRows.contains(id)).toList();
        if (!withRows.isEmpty()) {
            jdbc.update("DELETE h FROM " + kind.historyTable + " h FORCE INDEX (PRIMARY) WHERE h.master_id IN ("
                    + String.join(",", Collections.nCopies(withRows.size(), "?")) + ")", withRows.toArray());
        }
        BulkRows.append(jdbc, kind.historyTable, kind.historyColumns(), "", history);
        if (!values.isEmpty()) {
            // One bulk load and one joined update for the batch, on the transaction's connection.
            jdbc.execute(kind.createScratch);
            BulkRows.append(jdbc, kind.scratch, kind.scratchColumns(), "", values);
            jdbc.update(kind.updateFromScratch);
            jdbc.update("DELETE FROM " + kind.scratch);
        }
        // By primary key, said so: with more IN values than eq_range_index_dive_limit (200) the optimizer
        // guesses from index statistics, and on this table, growing through the step, it chose to scan it
        // whole for every batch (slow log at 0.05: 110,000–620,000 rows examined to delete none, ~1 s a
        // batch, most of survivorship) — quadratic: batches × table size. FORCE INDEX works in MySQL too.
        jdbc.update("DELETE f FROM master_field_source f FORCE INDEX (PRIMARY) WHERE f.master_kind = ? AND f.master_id IN ("
                + marks + ")", prepend(kind.id, ids));
        BulkRows.append(jdbc, "master_field_source", List.of("master_kind", "master_id", "field", "template", "stg_id"),
                "", provenance);
        listeners.forEach(listener -> listener.batch(kind.id, ids, rows));
    }

    /** Facts that follow from others: registration status, a certificate verified by the register. */
    private static void derive(MasterKind kind, List<SourceValues> sources, Map<String, Object> chosen) {
        derive(kind, sources.stream().anyMatch(SourceValues::fromDistrict),
                sources.stream().anyMatch(source -> !source.fromDistrict()), chosen);
    }

    static void derive(MasterKind kind, boolean anyDistrict, boolean anyStreet, Map<String, Object> chosen) {
        if (kind == MasterKind.ORG) {
            boolean registered = chosen.get("credit_code") != null || anyDistrict
                    || "已登记".equals(chosen.get("reg_status"));
            chosen.put("reg_status", registered ? "已登记" : "已备案");
        } else {
            Object level = chosen.get("cert_level");
            chosen.put("cert_verified", level != null && !"无".equals(level));
            chosen.put("on_roster", anyStreet);
        }
    }

    private Map<Long, Map<String, AttributeHistory.Override>> overrides(MasterKind kind, String marks, List<Long> ids) {
        Map<Long, Map<String, AttributeHistory.Override>> found = new HashMap<>();
        jdbc.query("SELECT master_id, field, value, valid_from FROM master_override WHERE master_kind = ? AND master_id IN ("
                + marks + ")", rs -> {
                    found.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                            .put(rs.getString(2), new AttributeHistory.Override(rs.getString(3), rs.getString(4)));
                }, prepend(kind.id, ids));
        return found;
    }

    private static Object[] prepend(Object first, List<Long> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }
}
