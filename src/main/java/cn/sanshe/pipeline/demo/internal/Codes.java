package cn.sanshe.pipeline.demo.internal;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Issues valid, unique national identifiers. Uniqueness is kept by remembering what was issued,
 * which is deterministic because the city is always generated in the same order.
 */
final class Codes {

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Set<String> issued = new HashSet<>();
    private int certificateSequence;

    /** 51 social group, 52 private non-enterprise unit, 53 foundation; then the district. */
    String creditCode(Rng rng, String registeredType, String district6) {
        char kind = switch (registeredType) {
            case "社会团体" -> '1';
            case "基金会" -> '3';
            default -> '2';
        };
        while (true) {
            // Civil-affairs organization codes commonly begin MJ; the tail uses the full alphabet.
            String first17 = "5" + kind + district6 + "MJ" + rng.digits(6) + rng.pick(CREDIT_ALPHABET);
            String code = first17 + CreditCode.checkCharacter(first17);
            if (issued.add(code)) {
                return code;
            }
        }
    }

    /** GB 11643: address = the district, odd sequence digit for men. */
    String identityNumber(Rng rng, String district6, LocalDate birth, boolean male) {
        while (true) {
            int last = rng.between(0, 4) * 2 + (male ? 1 : 0);
            String first17 = district6 + birth.format(BASIC) + rng.digits(2) + last;
            String id = first17 + IdentityNumber.checkCharacter(first17);
            if (issued.add(id)) {
                return id;
            }
        }
    }

    /** Year, level digit, province 13, then a running number with gaps: unique per certificate. */
    String certificateNumber(Rng rng, int year, String level) {
        certificateSequence += rng.between(1, 29);
        int levelDigit = switch (level) {
            case "社会工作师" -> 2;
            case "高级社会工作师" -> 3;
            default -> 1;
        };
        return year + "" + levelDigit + "13" + String.format(Locale.ROOT, "%06d", certificateSequence);
    }
}
