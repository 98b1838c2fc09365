package cn.sanshe.pipeline.reconcile.match;

/**
 * A staged organization row to be matched, in its matching form.
 *
 * @param template  S2 (street ledger) or D1 (district registry)
 * @param stgId     the staging row's id
 * @param normName  {@link OrgNames#normalise} of its name
 * @param community 12-digit community code, or null (a registry row may have none)
 * @param creditCode a valid credit code, or null
 * @param person    the person in charge (S2) or legal representative (D1), or null
 */
public record OrgRow(String template, long stgId, String period, String districtCode, String normName,
        String community, String creditCode, String person, String phone) {
}
