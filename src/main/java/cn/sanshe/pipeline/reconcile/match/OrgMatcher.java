package cn.sanshe.pipeline.reconcile.match;

import java.util.List;

/**
 * identifiers.md's rules in order: the same valid credit code is the same organization whatever
 * the names say; without one, the same normalised name within the district; then, in the same
 * community, a score of name likeness (characters or sounds) and shared person in charge or phone.
 */
public final class OrgMatcher {

    static final double NAME_WEIGHT = 0.6;
    static final double PERSON_WEIGHT = 0.2;
    static final double PHONE_WEIGHT = 0.2;
    static final double NAME_ONLY_CAP = 0.75;

    private final MatchThresholds thresholds;
    private long candidatePairs;

    public OrgMatcher(MatchThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** How many row–master pairs were scored: the work of blocking, for benchmarks. */
    public long candidatePairs() {
        return candidatePairs;
    }

    public OrgDecision decide(OrgRow row, OrgIndex index) {
        OrgEntry byCredit = index.byCredit(row.creditCode());
        if (byCredit != null) {
            return new OrgDecision.Join(byCredit.masterId(), "credit_code", 1.0);
        }
        OrgEntry byName = sameName(row, index);
        if (byName != null) {
            return new OrgDecision.Join(byName.masterId(), "name", 1.0);
        }
        return byScore(row, index);
    }

    /**
     * A master of the same normalised name that does not carry another credit code (a filed
     * organization that registers keeps its master). Several: the one in the row's community.
     */
    private OrgEntry sameName(OrgRow row, OrgIndex index) {
        OrgEntry found = null;
        int matches = 0;
        for (OrgEntry entry : index.byName(row.normName())) {
            boolean compatible = row.creditCode() == null || entry.creditCode() == null
                    || entry.creditCode().equals(row.creditCode());
            if (!compatible) {
                continue;
            }
            if (found == null || (!found.inCommunity(row.community()) && entry.inCommunity(row.community()))) {
                found = entry;
            }
            matches++;
        }
        return matches > 0 ? found : null;
    }

    private OrgDecision byScore(OrgRow row, OrgIndex index) {
        List<OrgEntry> block = index.inCommunity(row.community());
        if (block.isEmpty()) {
            return new OrgDecision.Start(null, 0, null);
        }
        List<String> pinyin = Pinyin.syllables(row.normName());
        OrgEntry best = null;
        double bestScore = -1;
        for (OrgEntry entry : block) {
            if (row.creditCode() != null && entry.creditCode() != null) {
                continue;   // two different valid codes: two organizations
            }
            candidatePairs++;
            double score = score(row, pinyin, entry);
            if (score > bestScore || (score == bestScore && entry.masterId() < best.masterId())) {
                best = entry;
                bestScore = score;
            }
        }
        if (best == null || bestScore < thresholds.review()) {
            return new OrgDecision.Start(null, 0, null);
        }
        if (bestScore >= thresholds.merge()) {
            return new OrgDecision.Join(best.masterId(), "score", bestScore);
        }
        return new OrgDecision.Start(best.masterId(), bestScore, evidence(row, pinyin, best));
    }

    /**
     * 0.6 × name likeness + 0.2 × same person + 0.2 × same phone — over the evidence both sides
     * have: a ledger row without a phone neither gains nor loses by it (the weights that remain are
     * scaled up), while two different phones count against.
     */
    double score(OrgRow row, List<String> pinyin, OrgEntry entry) {
        double name = NameSimilarity.of(row.normName(), pinyin, entry.primaryName(), entry.primaryPinyin());
        double score = NAME_WEIGHT * name;
        double weights = NAME_WEIGHT;
        if (row.person() != null && entry.hasAnyPerson()) {
            weights += PERSON_WEIGHT;
            score += entry.hasPerson(row.person()) ? PERSON_WEIGHT : 0;
        }
        if (row.phone() != null && entry.hasAnyPhone()) {
            weights += PHONE_WEIGHT;
            score += entry.hasPhone(row.phone()) ? PHONE_WEIGHT : 0;
        }
        // A name alone never merges (identifiers.md wants a person or phone in common): at most it
        // reaches the review band, for a steward to look at.
        return weights == NAME_WEIGHT ? NAME_ONLY_CAP * name : score / weights;
    }

    private static String evidence(OrgRow row, List<String> pinyin, OrgEntry entry) {
        double name = NameSimilarity.of(row.normName(), pinyin, entry.primaryName(), entry.primaryPinyin());
        return String.format("名称相似度%.2f（%s / %s）%s%s；同社区", name, row.normName(), entry.primaryName(),
                entry.hasPerson(row.person()) ? "；负责人相同" : "；负责人不同或缺", entry.hasPhone(row.phone())
                        ? "；电话相同" : "；电话不同或缺");
    }
}
