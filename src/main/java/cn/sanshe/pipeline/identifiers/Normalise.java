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
