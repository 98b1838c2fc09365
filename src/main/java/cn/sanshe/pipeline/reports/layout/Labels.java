package cn.sanshe.pipeline.reports.layout;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The dashboards' message bundle ({@code report-templates/labels.properties}), shared with the
 * templates ({@code $R{…}}), so a heading is changed in one place.
 */
public final class Labels {

    public static final String BUNDLE = "report-templates.labels";
    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final ResourceBundle LABELS = ResourceBundle.getBundle(BUNDLE, LOCALE);

    private Labels() {
    }

    public static ResourceBundle bundle() {
        return LABELS;
    }

    public static String get(String key, Object... arguments) {
        String pattern = LABELS.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, LOCALE).format(arguments);
    }

    /** The heading of an indicator's variant in a table: {@code col.<ID>.<variant>}, or {@code col.<ID>}. */
    public static String column(String indicator, String variant) {
        String key = variant.isEmpty() ? "col." + indicator : "col." + indicator + "." + variant;
        return LABELS.getString(key);
    }
}
