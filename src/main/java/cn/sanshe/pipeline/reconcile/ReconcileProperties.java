package cn.sanshe.pipeline.reconcile;

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
        // Districts one after the other by default: a district's new masters and its index stay in step.
        parallelDistricts = parallelDistricts == null ? 1 : parallelDistricts;
        chunkSize = chunkSize == null ? 2000 : chunkSize;
    }

    public MatchThresholds thresholds() {
        return new MatchThresholds(mergeThreshold, reviewThreshold);
    }
}
