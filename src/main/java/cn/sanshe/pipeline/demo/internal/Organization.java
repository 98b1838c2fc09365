package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One social organization over its whole life: filed with a street (no credit code), registered
 * with the district (credit code), or filed first and registered later. District-level
 * organizations have no street and appear only in the district registry.
 *
 * @param ledgerName     the name as the street clerk writes it in S2
 * @param registryName   the legal name as the district registry (D1) holds it
 * @param registeredType 社会团体 / 民办非企业单位 / 基金会 once registered; null if never
 * @param ledgerFrom     first month on the street ledger; null = since before the demo
 * @param ledgerUntil    first month no longer on the ledger; null = still there
 */
record Organization(
        String key, String districtCode, String streetCode, String communityCode,
        String ledgerName, String registryName, String domain, String person, String phone,
        LocalDate founded, String filingNumber, String registeredType, String creditCode,
        LocalDate registeredOn, LocalDate deregisteredOn, String rating, boolean socialWorkAgency,
        String address, YearMonth ledgerFrom, YearMonth ledgerUntil) {

    boolean onLedger(YearMonth month) {
        return streetCode != null && DemoClock.reached(ledgerFrom, month) && DemoClock.before(ledgerUntil, month);
    }

    boolean registeredBy(YearMonth month) {
        return registeredOn != null && !YearMonth.from(registeredOn).isAfter(month);
    }

    boolean deregisteredBy(YearMonth month) {
        return deregisteredOn != null && !YearMonth.from(deregisteredOn).isAfter(month);
    }

    /** Filed organizations are 社区社会组织 until they register. */
    String typeIn(YearMonth month) {
        return registeredBy(month) ? registeredType : "社区社会组织";
    }
}
