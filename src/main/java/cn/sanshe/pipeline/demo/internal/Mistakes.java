package cn.sanshe.pipeline.demo.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The few rows per month that a clerk must correct, one of each kind, placed by the seed. They
 * are data the pipeline has to reject with a reason, unlike the layout mess, which it must absorb.
 */
final class Mistakes {

    enum Kind { BAD_CREDIT_CHECK, BAD_ID_CHECK, UNKNOWN_COMMUNITY, NEGATIVE_HOUSEHOLDS, SHORT_PHONE }

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String ID_CHECKS = "0123456789X";

    private final Map<String, String> replacements;

    private Mistakes(Map<String, String> replacements) {
        this.replacements = Map.copyOf(replacements);
    }

    /** The wrong value for this entity, or null when it is written correctly. */
    String replacement(Kind kind, String key) {
        return replacements.get(kind + ":" + key);
    }

    static Mistakes choose(DemoCity city, YearMonth month) {
        Rng rng = Rng.of(city.seed(), "mistakes", month);
        List<Organization> registered = new ArrayList<>();
        List<Organization> withPhone = new ArrayList<>();
        List<Worker> uncertified = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        for (Street s : city.geography().streets()) {
            for (Organization o : city.ledger(s, month)) {
                (o.registeredBy(month) ? registered : withPhone).add(o);
            }
            city.roster(s, month).stream().filter(w -> !w.certified() && !w.legacyId()).forEach(uncertified::add);
            communities.addAll(s.communities());
        }
        Map<String, String> out = new HashMap<>();
        if (!registered.isEmpty()) {
            Organization o = rng.pick(registered);
            out.put(Kind.BAD_CREDIT_CHECK + ":" + o.key(), wrongCheck(rng, o.creditCode(), CREDIT_ALPHABET));
        }
        if (!uncertified.isEmpty()) {
            Worker w = rng.pick(uncertified);
            out.put(Kind.BAD_ID_CHECK + ":" + w.key(), wrongCheck(rng, w.idNumber(), ID_CHECKS));
        }
        withPhone.removeIf(o -> o.phone() == null);
        if (!withPhone.isEmpty()) {
            Organization o = rng.pick(withPhone);
            int drop = rng.between(3, 10);
            out.put(Kind.SHORT_PHONE + ":" + o.key(), o.phone().substring(0, drop) + o.phone().substring(drop + 1));
        }
        Community unknown = rng.pick(communities);
        out.put(Kind.UNKNOWN_COMMUNITY + ":" + unknown.code(), unknownCode(rng, unknown, city.geography().knownCodes()));
        communities.remove(unknown);
        out.put(Kind.NEGATIVE_HOUSEHOLDS + ":" + rng.pick(communities).code(), "-");
        return new Mistakes(out);
    }

    /** Same code with a different last character: what a slip of the finger does. */
    private static String wrongCheck(Rng rng, String code, String alphabet) {
        int right = alphabet.indexOf(code.charAt(code.length() - 1));
        char wrong = alphabet.charAt((right + rng.between(1, alphabet.length() - 1)) % alphabet.length());
        // The check character is unique, so any other one fails the check.
        return code.substring(0, code.length() - 1) + wrong;
    }

    /** A code in the right street that the reference does not hold, like 130102001099. */
    private static String unknownCode(Rng rng, Community community, Set<String> known) {
        String street = community.code().substring(0, 9);
        int start = rng.between(90, 99);
        for (int n = start; n > start - 90; n--) {
            String candidate = street + String.format(Locale.ROOT, "%03d", n);
            if (!known.contains(candidate)) {
                return candidate;
            }
        }
        return street + "999";
    }
}
