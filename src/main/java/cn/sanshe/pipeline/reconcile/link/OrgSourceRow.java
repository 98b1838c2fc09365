package cn.sanshe.pipeline.reconcile.link;

/** A staged S2 or D1 row not linked to a master yet, with what matching needs of it. */
record OrgSourceRow(String template, long stgId, String period, String districtCode, String unitCode, String name,
        String communityCode, String creditCode, String regStatus, String person, String phone) {
}
