package cn.sanshe.pipeline.reports.layout;

/** A printed figure that differs from the delivered edition: its name (unit, indicator) and both values as printed. */
public record FigureChange(String figure, String before, String after) {

    public String line() {
        return figure + "：" + before + " → " + after;
    }
}
