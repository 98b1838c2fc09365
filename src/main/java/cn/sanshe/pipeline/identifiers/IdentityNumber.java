package cn.sanshe.pipeline.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Resident identity number, GB 11643-1999: 6-digit address, 8-digit birth date, 3-digit sequence
 * (odd = male), mod-11 check character. Legacy 15-digit numbers are upgraded to 18 so that one
 * person has one key whatever card a clerk copied from.
 */
public final class IdentityNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdentityNumber() {
    }

    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /**
     * Normalises (full-width, spaces, lower-case x), upgrades 15 digits to 18 and checks the
     * structure, the check character and the birth date ({@code today} bounds it).
     */
    public static CodeCheck check(String raw, LocalDate today) {
        String id = Normalise.code(raw);
        if (id.length() == 15) {
            if (!id.chars().allMatch(Character::isDigit)) {
                return CodeCheck.invalid("身份证号15位旧号应全为数字");
            }
            String first17 = id.substring(0, 6) + "19" + id.substring(6);
            id = first17 + checkCharacter(first17);
        } else if (id.length() != 18) {
            return CodeCheck.invalid("身份证号应为18位（或15位旧号），实为" + id.length() + "位");
        } else {
            if (!id.substring(0, 17).chars().allMatch(Character::isDigit)
                    || !(Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X')) {
                return CodeCheck.invalid("身份证号前17位应为数字，末位为数字或X");
            }
            char expected = checkCharacter(id);
            if (id.charAt(17) != expected) {
                // Not "should be X": that invites changing the last character instead of finding the
                // mistyped digit, and says more of the number than a reason may.
                return CodeCheck.invalid("身份证号校验位不符，请核对证件原件");
            }
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            // Never echo digits of the number: a reason is shown to clerks and written to exports.
            return CodeCheck.invalid("身份证号中的出生日期不是真实日期");
        }
        if (birth.isAfter(today)) {
            return CodeCheck.invalid("身份证号中的出生日期晚于今天");
        }
        return CodeCheck.valid(id);
    }

    /** Birth date of an already checked 18-character number. */
    public static LocalDate birthDate(String valid18) {
        return LocalDate.of(Integer.parseInt(valid18.substring(6, 10)),
                Integer.parseInt(valid18.substring(10, 12)), Integer.parseInt(valid18.substring(12, 14)));
    }

    /** "男" or "女" from the sequence digit of an already checked 18-character number. */
    public static String gender(String valid18) {
        return (valid18.charAt(16) - '0') % 2 == 1 ? "男" : "女";
    }

    private static final java.util.regex.Pattern ANYWHERE =
            java.util.regex.Pattern.compile("(?<![0-9])([0-9]{6})([0-9]{8}|[0-9]{5})([0-9]{3}[0-9Xx]|[0-9]{4})?(?![0-9])");

    /**
     * Masks whatever in a free text looks like an identity number (15 or 18 characters): a clerk
     * may type one into the wrong column, and a reason that quotes that cell must not repeat it.
     */
    public static String maskIn(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher matcher = ANYWHERE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            if (found.length() == 15 || found.length() == 18) {
                matcher.appendReplacement(out, mask(found));
            }
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The form shown to people without the right to see the number: 130102********1234. */
    public static String mask(String id) {
        if (id == null || id.length() < 10) {
            return "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
