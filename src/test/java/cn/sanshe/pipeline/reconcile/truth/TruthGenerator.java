package cn.sanshe.pipeline.reconcile.truth;

import cn.sanshe.pipeline.system.IdentityVault;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes staging rows for S2, D1, S3 and D3 straight into the database, as ingest would have
 * loaded them (file, sheet, row numbers, jurisdiction, identity numbers protected by the vault),
 * and returns which rows are the same real organization or worker. Rows are appended to whatever
 * the tables already hold; clean them first for a score that means something.
 *
 * <p>The noise and the planted conflicts are described by {@link Spec.Noise}. Month after month
 * the same organizations and workers come back, so the rows of one entity span every period.
 */
public final class TruthGenerator {

    private TruthGenerator() {
    }

    public static Truth generate(JdbcTemplate jdbc, IdentityVault vault, Spec spec) {
        long start = System.nanoTime();
        Geography geography = Geography.load(jdbc, spec.districts(), spec.communities(), spec.seed());
        People people = new People();
        Organizations organizations = new Organizations(spec, geography, people);
        Workers workers = new Workers(spec, geography, people, vault);
        RowEntities orgRows = new RowEntities("S2", "D1");
        RowEntities workerRows = new RowEntities("S3", "D3");
        StagingWriter writer = new StagingWriter(jdbc, orgRows, workerRows);
        for (int month = 0; month < spec.months(); month++) {
            organizations.writeMonth(writer, month);
            workers.writeMonth(writer, month);
        }
        writer.finish();
        Truth.Planted planted = new Truth.Planted(
                Collections.unmodifiableMap(organizations.plantedActiveButCancelled),
                Collections.unmodifiableMap(workers.plantedTwoCommunities),
                Collections.unmodifiableList(workers.plantedCertTwoIds),
                Collections.unmodifiableSet(workers.plantedNotInRegister));
        Map<String, Integer> rows = new TreeMap<>(writer.written());
        Truth.Summary summary = new Truth.Summary(spec.months(), geography.communities.size(), geography.synthesized,
                organizations.all.size(), workers.all.size(), Collections.unmodifiableMap(rows),
                (System.nanoTime() - start) / 1e9);
        return new Truth(orgRows, workerRows, planted, summary, organizations.notes(), workers.notes());
    }
}
