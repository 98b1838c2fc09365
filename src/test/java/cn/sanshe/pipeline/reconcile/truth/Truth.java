package cn.sanshe.pipeline.reconcile.truth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What is really the case behind the generated staging rows.
 *
 * @param orgEntityByRow    {@code "S2:<stg id>"} / {@code "D1:<stg id>"} → the real organization
 * @param workerEntityByRow {@code "S3:<stg id>"} / {@code "D3:<stg id>"} → the real worker
 * @param planted           the conflicts planted, by the entities they concern
 * @param summary           counts, for reports
 * @param orgNotes          what is special about an organization (look-alike, registers later…), if anything
 * @param workerNotes       the same for workers (mover, planted conflicts…)
 */
public record Truth(Map<String, Long> orgEntityByRow, Map<String, Long> workerEntityByRow, Planted planted,
        Summary summary, Map<Long, String> orgNotes, Map<Long, String> workerNotes) {

    public RowEntities orgRows() {
        return RowEntities.of(orgEntityByRow);
    }

    public RowEntities workerRows() {
        return RowEntities.of(workerEntityByRow);
    }

    /**
     * The conflicts reconcile must open, and for which entities.
     *
     * @param activeButCancelled organizations D1 cancelled while S2 still lists them → the periods
     * @param twoCommunities     workers on two communities' rosters in one month → that month
     * @param certTwoIds         certificate numbers under two identity numbers: the holder, the other
     * @param notInRegister      workers whose roster claims a certificate D3 does not hold
     */
    public record Planted(Map<Long, SortedSet<String>> activeButCancelled, Map<Long, SortedSet<String>> twoCommunities,
            List<CertPair> certTwoIds, Set<Long> notInRegister) {

        public static final String ORG_ACTIVE_BUT_CANCELLED = "ORG_ACTIVE_BUT_CANCELLED";
        public static final String WORKER_TWO_COMMUNITIES = "WORKER_TWO_COMMUNITIES";
        public static final String CERT_TWO_IDS = "CERT_TWO_IDS";
        public static final String CERT_NOT_IN_REGISTER = "CERT_NOT_IN_REGISTER";
        public static final List<String> KINDS = List.of(ORG_ACTIVE_BUT_CANCELLED, WORKER_TWO_COMMUNITIES,
                CERT_TWO_IDS, CERT_NOT_IN_REGISTER);

        /** The entities a conflict kind concerns (both of every certificate pair). */
        public SortedSet<Long> entities(String kind) {
            return switch (kind) {
                case ORG_ACTIVE_BUT_CANCELLED -> new TreeSet<>(activeButCancelled.keySet());
                case WORKER_TWO_COMMUNITIES -> new TreeSet<>(twoCommunities.keySet());
                case CERT_TWO_IDS -> {
                    SortedSet<Long> both = new TreeSet<>();
                    certTwoIds.forEach(pair -> {
                        both.add(pair.holder());
                        both.add(pair.other());
                    });
                    yield both;
                }
                case CERT_NOT_IN_REGISTER -> new TreeSet<>(notInRegister);
                default -> throw new IllegalArgumentException(kind);
            };
        }

        public static boolean aboutOrganizations(String kind) {
            return kind.startsWith("ORG_");
        }
    }

    /** A certificate number D3 holds for {@code holder} and, wrongly, for {@code other} too. */
    public record CertPair(long holder, long other) {
    }

    public record Summary(int periods, int communities, int syntheticCommunities, int organizations, int workers,
            Map<String, Integer> rowsByTemplate, double seconds) {

        public long orgRows() {
            return rowsByTemplate.getOrDefault("S2", 0) + (long) rowsByTemplate.getOrDefault("D1", 0);
        }

        public long workerRows() {
            return rowsByTemplate.getOrDefault("S3", 0) + (long) rowsByTemplate.getOrDefault("D3", 0);
        }

        public String describe() {
            return String.format(Locale.ROOT, "%d periods, %,d communities (%,d added to the division table), %,d organizations in "
                    + "%,d rows (S2 %,d, D1 %,d), %,d workers in %,d rows (S3 %,d, D3 %,d), written in %.1f s",
                    periods, communities, syntheticCommunities, organizations, orgRows(),
                    rowsByTemplate.getOrDefault("S2", 0), rowsByTemplate.getOrDefault("D1", 0), workers, workerRows(),
                    rowsByTemplate.getOrDefault("S3", 0), rowsByTemplate.getOrDefault("D3", 0), seconds);
        }
    }
}
