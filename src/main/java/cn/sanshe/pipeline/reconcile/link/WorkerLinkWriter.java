package cn.sanshe.pipeline.reconcile.link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same identity number (normalised to 18 characters at ingest, compared by its keyed hash)
 * is the same person: a chunk's rows are linked to the masters of their hashes, created where
 * new. A certificate number shared by two identity numbers is a conflict, not a merge; it is
 * found after linking ({@code conflict}).
 */
class WorkerLinkWriter implements ItemWriter<WorkerSourceRow> {

    private final JdbcTemplate jdbc;

    WorkerLinkWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends WorkerSourceRow> chunk) {
        Map<String, WorkerSourceRow> firstByHash = new LinkedHashMap<>();
        chunk.forEach(row -> firstByHash.putIfAbsent(row.idHash(), row));
        Map<String, Long> masters = lookUp(firstByHash.keySet());
        List<Object[]> created = new ArrayList<>();
        firstByHash.values().stream().filter(row -> !masters.containsKey(row.idHash())).forEach(row -> created.add(
                new Object[] {row.districtCode(), row.name(), row.idHash(), row.idCipher(), row.idMasked(),
                    row.period(), row.period()}));
        if (!created.isEmpty()) {
            // IGNORE: another district's partition may create the same person at the same moment.
            jdbc.batchUpdate("""
                    INSERT IGNORE INTO worker_master (district_code, name, id_hash, id_cipher, id_masked, first_period,
                                                      last_period, dirty, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP(6))""", created);
            masters.putAll(lookUp(firstByHash.keySet()));
        }
        List<Object[]> links = new ArrayList<>(chunk.size());
        Set<Long> touched = new LinkedHashSet<>();
        for (WorkerSourceRow row : chunk) {
            long masterId = masters.get(row.idHash());
            touched.add(masterId);
            links.add(new Object[] {row.template(), row.stgId(), masterId, row.districtCode(), row.period()});
        }
        jdbc.batchUpdate("""
                INSERT INTO worker_source (template, stg_id, master_id, district_code, period, how, linked_at)
                VALUES (?, ?, ?, ?, ?, 'id_number', CURRENT_TIMESTAMP(6))""", links);
        jdbc.batchUpdate("UPDATE worker_master SET dirty = TRUE WHERE id = ? AND dirty = FALSE",
                touched.stream().map(id -> new Object[] {id}).toList());
    }

    private Map<String, Long> lookUp(Set<String> hashes) {
        Map<String, Long> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        String marks = String.join(",", Collections.nCopies(hashes.size(), "?"));
        jdbc.query("SELECT id_hash, id FROM worker_master WHERE id_hash IN (" + marks + ")",
                rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                }, hashes.toArray());
        return found;
    }
}
