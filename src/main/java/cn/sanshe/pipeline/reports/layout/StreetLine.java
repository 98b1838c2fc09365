package cn.sanshe.pipeline.reports.layout;

/**
 * A line of the annex's street table: for a month 已报送 / 未报送 per template; for a yearly
 * edition the months the template was sent of the months covered ({@code 11/11}); {@code okN}
 * is whether that is complete (green) or not (red).
 */
public record StreetLine(String districtName, String streetName, String s1, String s2, String s3, String s4,
        boolean ok1, boolean ok2, boolean ok3, boolean ok4, long rejectedRows, long openWithStewards) {
}
