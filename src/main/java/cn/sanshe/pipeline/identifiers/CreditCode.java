package cn.sanshe.pipeline.identifiers;

/**
 * Unified social credit code, GB 32100-2015: 18 characters over a 31-letter alphabet, the last
 * one a weighted mod-31 check character.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The check character for the first 17 characters, which must all be in the alphabet. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not in the credit-code alphabet: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** Normalises (trim, full-width to half-width, upper case) and checks a code as typed. */
    public static CodeCheck check(String raw) {
        String code = Normalise.code(raw);
        if (code.length() != 18) {
            return CodeCheck.invalid("统一社会信用代码应为18位，实为" + code.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return CodeCheck.invalid("统一社会信用代码第" + (i + 1) + "位“" + code.charAt(i)
                        + "”不是合法字符（不含I、O、S、V、Z）");
            }
        }
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            return CodeCheck.invalid("统一社会信用代码校验位不符，请核对登记证书");
        }
        return CodeCheck.valid(code);
    }
}
