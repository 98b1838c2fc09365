package cn.sanshe.pipeline.identifiers;

import java.util.Objects;

/**
 * The outcome of checking one identifier: its normalised form when valid, otherwise a reason a
 * street clerk can act on (in Chinese, naming the expected value where that helps).
 */
public record CodeCheck(String value, String problem) {

    public static CodeCheck valid(String value) {
        return new CodeCheck(Objects.requireNonNull(value), null);
    }

    public static CodeCheck invalid(String problem) {
        return new CodeCheck(null, Objects.requireNonNull(problem));
    }

    public boolean isValid() {
        return problem == null;
    }
}
