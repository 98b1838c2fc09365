package cn.sanshe.pipeline.reconcile.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The matching form of an organization name: NFKC (full-width to half-width), no spaces or
 * punctuation (brackets unified by being dropped, their content kept), and without the leading
 * names of the organization's own city, district and street, which registries prepend and street
 * ledgers leave out ({@code 石家庄市长安区建北街道阳光社区老年协会} ≈ {@code 阳光社区老年协会}).
 *
 * <p>The community name stays: two communities' 老年协会 are two organizations.
 */
public final class OrgNames {

    private static final String[] SUFFIXES = {"街道办事处", "街道", "市", "区", "县", "镇", "乡"};

    private OrgNames() {
    }

    /**
     * @param placeNames the organization's own city, district and street names as in the division
     *                   reference (石家庄市, 长安区, 建北街道); their short forms (石家庄, 长安, 建北) are
     *                   dropped too
     */
    public static String normalise(String name, List<String> placeNames) {
        String text = clean(name);
        List<String> prefixes = prefixes(placeNames);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : prefixes) {
                // Keep at least two characters: a name that is only a place name stays as it is.
                if (text.startsWith(prefix) && text.length() - prefix.length() >= 2) {
                    text = text.substring(prefix.length());
                    stripped = true;
                    // Longest first again: 建北街道 must go whole before 建北 could leave 街道 behind.
                    break;
                }
            }
        }
        return text;
    }

    static String clean(String name) {
        String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> Character.isLetterOrDigit(c)).forEach(out::appendCodePoint);
        return out.toString().toUpperCase();
    }

    /** Full and short forms, longest first so 石家庄市 goes before 石家庄. */
    static List<String> prefixes(List<String> placeNames) {
        List<String> prefixes = new ArrayList<>();
        for (String place : placeNames) {
            String full = clean(place);
            if (full.isEmpty()) {
                continue;
            }
            prefixes.add(full);
            for (String suffix : SUFFIXES) {
                if (full.endsWith(suffix) && full.length() - suffix.length() >= 2) {
                    prefixes.add(full.substring(0, full.length() - suffix.length()));
                    break;
                }
            }
        }
        prefixes.sort(Comparator.comparingInt(String::length).reversed());
        return prefixes;
    }
}
