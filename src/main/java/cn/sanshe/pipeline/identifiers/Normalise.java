package cn.sanshe.pipeline.identifiers;

import java.text.Normalizer;

/** Text clean-up shared by the identifier checks: clerks type codes with full-width keyboards. */
final class Normalise {

    private Normalise() {
    }

    /** NFKC folds full-width digits and letters to ASCII; spaces inside a code are typing slips. */
    static String code(String raw) {
        if (raw == null) {
            return "";
        }
        // Most codes arrive as typed on a half-width keyboard: printable ASCII without lower case,
        // which NFKC, the space removal and the upper-casing all leave as it is.
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80 || c <= ' ' || c >= 'a' && c <= 'z') {
                return byNormaliser(raw);
            }
        }
        return raw;
    }

    /** {@link #code} the long way, for any text. */
    static String byNormaliser(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }
}
