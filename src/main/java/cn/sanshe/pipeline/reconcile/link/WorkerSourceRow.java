package cn.sanshe.pipeline.reconcile.link;

/** A staged S3 or D3 row not linked to a master yet. */
record WorkerSourceRow(String template, long stgId, String period, String districtCode, String name, String idHash,
        String idCipher, String idMasked) {
}
