package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.partition.Parallelism;
import cn.sanshe.pipeline.reconcile.match.MatchThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mergeThreshold  score at or above which a near-identical name joins a master
 * @param reviewThreshold score from which a pair goes to a steward (below: distinct)
 */
@ConfigurationProperties("pipeline.reconcile")
public record ReconcileProperties(Double mergeThreshold, Double reviewThreshold, Integer parallelDistricts,
        Integer chunkSize) {

    public ReconcileProperties {
        mergeThreshold = mergeThreshold == null ? MatchThresholds.DEFAULT.merge() : mergeThreshold;
        reviewThreshold = reviewThreshold == null ? MatchThresholds.DEFAULT.review() : reviewThreshold;
        // One district at a time per core of the machine unless set (Parallelism). Organizations are
        // matched within their district (its own index, its own masters); a person two districts list
        // gets one master whichever creates it. Ids then follow the order districts finish in, which a
        // re-run never changes (linked rows are not linked again); 1 makes them follow the data alone.
        parallelDistricts = Parallelism.of(parallelDistricts);
        chunkSize = chunkSize == null ? 2000 : chunkSize;
    }

    public MatchThresholds thresholds() {
        return new MatchThresholds(mergeThreshold, reviewThreshold);
    }
}
