package cn.sanshe.pipeline.indicators;

/**
 * The data-quality annex's line for one street and month: which of its templates it sent
 * (S1 community facilities, S2 organization ledger, S3 worker roster, S4 street centre), how many
 * of its rows were rejected, and how many of those still wait for a steward.
 */
public record StreetSubmission(String districtName, String streetCode, String streetName, boolean sentS1,
        boolean sentS2, boolean sentS3, boolean sentS4, long rejectedRows, long openWithStewards) {
}
