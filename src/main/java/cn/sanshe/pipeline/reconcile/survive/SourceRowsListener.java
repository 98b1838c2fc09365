package cn.sanshe.pipeline.reconcile.survive;

import java.util.List;
import java.util.Map;

/**
 * Reads a batch's source rows while survivorship has them in hand, inside the batch's
 * transaction: the per-master conflict rules need exactly these rows, and reading them a second
 * time from a whole-table scan is what made the conflict step grow faster than the data.
 */
public interface SourceRowsListener {

    /**
     * @param masterKind org or worker
     * @param masterIds  the batch, every id once
     * @param rows       each master's rows in force, newest first; a master without any is absent
     */
    void batch(String masterKind, List<Long> masterIds, Map<Long, List<SourceValues>> rows);
}
