package cn.sanshe.pipeline.reconcile.truth;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What to generate: the months, how many organizations and workers a community has, in which
 * districts, over how many communities, and how noisy the sources are.
 *
 * @param seed                every run with the same spec (and division table) writes the same rows
 * @param firstMonth          the first reporting period
 * @param months              reporting periods, consecutive
 * @param orgsPerCommunity    organizations a community has on average (look-alikes come on top)
 * @param workersPerCommunity workers on a community's roster on average
 * @param districts           6-digit district codes, present in the division table
 * @param communities         0: every community of the districts in the division table; more than
 *                            there are: communities are synthesized within the districts' streets
 *                            and added to the division table; fewer: the first ones, spread over
 *                            the streets
 * @param noise               the rates of every kind of noise
 */
public record Spec(long seed, YearMonth firstMonth, int months, int orgsPerCommunity, int workersPerCommunity,
        List<String> districts, int communities, Noise noise) {

    /** The demo city's four districts (长安区, 桥西区, 新华区, 裕华区). */
    public static final List<String> DEMO_DISTRICTS = List.of("130102", "130104", "130105", "130108");

    public Spec {
        if (months < 1 || orgsPerCommunity < 1 || workersPerCommunity < 1 || districts.isEmpty() || communities < 0) {
            throw new IllegalArgumentException("a truth spec needs months, organizations, workers and districts");
        }
        districts = List.copyOf(districts);
    }

    /** The demo city's districts and communities, default noise. */
    public static Spec of(long seed, YearMonth firstMonth, int months, int orgsPerCommunity, int workersPerCommunity) {
        return new Spec(seed, firstMonth, months, orgsPerCommunity, workersPerCommunity, DEMO_DISTRICTS, 0,
                Noise.defaults());
    }

    public Spec withCommunities(int count) {
        return new Spec(seed, firstMonth, months, orgsPerCommunity, workersPerCommunity, districts, count, noise);
    }

    public Spec withNoise(Noise other) {
        return new Spec(seed, firstMonth, months, orgsPerCommunity, workersPerCommunity, districts, communities, other);
    }

    public List<YearMonth> periods() {
        List<YearMonth> periods = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            periods.add(firstMonth.plusMonths(i));
        }
        return periods;
    }

    /**
     * Rates of the noise, each a probability. Per organization or worker unless it says per row.
     *
     * @param registered          registered with the district (credit code, D1) from the start
     * @param laterRegistered     filed organizations (no code) that register from some month on
     * @param cancelledListed     registered organizations the registry cancels (注销) while the street
     *                            ledger goes on listing them: ORG_ACTIVE_BUT_CANCELLED
     * @param cancelledDropped    registered organizations cancelled and dropped from the ledger the
     *                            same month: no conflict
     * @param lookAlike           filed organizations with a different organization of a near-identical
     *                            name in the same community (老年协会 / 老年书画协会, 舞蹈队 / 舞蹈二队),
     *                            with another person in charge and phone
     * @param ledgerChurn         filed organizations joining or leaving the ledger during the window
     * @param missingCode         per S2 row of a registered organization: no credit code (and 已备案)
     * @param prefix              per S2 row: city, district and/or street name prefixed
     * @param spacing             per row: brackets of the other width, or a space inside the name
     * @param homophone           per S2 row: one character replaced by a homophone (阳光 → 杨光)
     * @param edit                per S2 row: one character added, dropped or swapped
     * @param missingPhone        per S2 row: phone left blank
     * @param registryPrefix      registered organizations whose D1 name has the city / district prefixed
     * @param registryNoCommunity registered organizations whose D1 rows give no community code
     * @param certified           workers holding a certificate (D3)
     * @param certNoOnRoster      certified workers whose roster rows give the certificate number
     * @param registerOnly        per certified worker: one more certificate holder on no roster
     * @param twoCommunities      workers listed by a second community in one month: WORKER_TWO_COMMUNITIES
     * @param certTwoIds          per certified worker: the certificate number also registered under
     *                            another worker's identity number: CERT_TWO_IDS
     * @param unverifiedClaim     uncertified workers whose roster claims a certificate D3 does not hold:
     *                            CERT_NOT_IN_REGISTER
     * @param movers              workers moving to another community during the window (no conflict)
     * @param rosterChurn         workers joining or leaving a roster during the window
     */
    public record Noise(double registered, double laterRegistered, double cancelledListed, double cancelledDropped,
            double lookAlike, double ledgerChurn, double missingCode, double prefix, double spacing, double homophone,
            double edit, double missingPhone, double registryPrefix, double registryNoCommunity, double certified,
            double certNoOnRoster, double registerOnly, double twoCommunities, double certTwoIds,
            double unverifiedClaim, double movers, double rosterChurn) {

        public static Noise defaults() {
            return new Noise(0.20, 0.06, 0.02, 0.02,
                    0.10, 0.04, 0.40, 0.25, 0.15, 0.04,
                    0.04, 0.15, 0.60, 0.20, 0.30,
                    0.70, 0.05, 0.01, 0.01,
                    0.02, 0.02, 0.04);
        }

        /** Lines for a report: every rate by name. */
        public List<String> describe() {
            return List.of(
                    String.format(java.util.Locale.ROOT, "organizations: registered %.0f %%, filed→registered %.0f %% of filed, "
                            + "cancelled but still listed %.0f %%, cancelled and dropped %.0f %% of registered, look-alike %.0f %% "
                            + "of filed, ledger churn %.0f %%", 100 * registered, 100 * laterRegistered,
                            100 * cancelledListed, 100 * cancelledDropped, 100 * lookAlike, 100 * ledgerChurn),
                    String.format(java.util.Locale.ROOT, "S2 rows: no credit code %.0f %% (registered), place prefix %.0f %%, "
                            + "brackets/spaces %.0f %%, homophone %.0f %%, character added/dropped/swapped %.0f %%, "
                            + "phone blank %.0f %%", 100 * missingCode, 100 * prefix, 100 * spacing, 100 * homophone,
                            100 * edit, 100 * missingPhone),
                    String.format(java.util.Locale.ROOT, "D1: legal name with city/district %.0f %%, no community code %.0f %%",
                            100 * registryPrefix, 100 * registryNoCommunity),
                    String.format(java.util.Locale.ROOT, "workers: certified %.0f %% (number on the roster %.0f %%), "
                            + "D3 holders on no roster +%.0f %%, two communities in one month %.0f %%, "
                            + "certificate under a second id %.0f %% of certified, claimed but not in D3 %.0f %%, "
                            + "movers %.0f %%, roster churn %.0f %%", 100 * certified, 100 * certNoOnRoster,
                            100 * registerOnly, 100 * twoCommunities, 100 * certTwoIds, 100 * unverifiedClaim,
                            100 * movers, 100 * rosterChurn));
        }
    }
}
