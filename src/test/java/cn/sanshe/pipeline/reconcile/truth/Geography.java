package cn.sanshe.pipeline.reconcile.truth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The districts, streets and communities rows are generated for, read from the division table
 * (the demo city's reference in tests). Communities beyond those are synthesized in the same
 * streets, added to the division table like a loaded reference would add them.
 */
final class Geography {

    record District(String code, String name, String cityName) {
    }

    record Street(String code, String name, District district) {
    }

    record Community(String code, String name, Street street) {
        String districtCode() {
            return street.district().code();
        }
    }

    private static final String NAME_CHARS = "锦华康宁和平安泰祥瑞兴盛福寿丰裕嘉禾春晖秋实明德文昌金桥玉泉翠湖碧水"
            + "松竹梅兰荷花紫薇青云白鹭东升西城南苑北辰新村富强民生永安长乐恒通广厦怡景丽都";

    final List<District> districts = new ArrayList<>();
    final List<Street> streets = new ArrayList<>();
    final List<Community> communities;
    /** Communities this run added to the division table. */
    final int synthesized;

    private Geography(List<Community> communities, int synthesized) {
        this.communities = communities;
        this.synthesized = synthesized;
    }

    static Geography load(JdbcTemplate jdbc, List<String> districtCodes, int wanted, long seed) {
        Map<String, District> districts = new LinkedHashMap<>();
        Map<String, Street> streets = new LinkedHashMap<>();
        List<Community> existing = new ArrayList<>();
        for (String code : districtCodes) {
            String cityCode = code.substring(0, 4) + "00000000";
            String city = jdbc.queryForList("SELECT name FROM division WHERE code = ?", String.class, cityCode).stream()
                    .findFirst().orElse("");
            String name = jdbc.queryForList("SELECT name FROM division WHERE code = ?", String.class, code + "000000")
                    .stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("district " + code + " is not in the division table"));
            District district = new District(code, name, city);
            districts.put(code, district);
            jdbc.query("SELECT code, name FROM division WHERE district_code = ? AND level = 'street' ORDER BY code",
                    rs -> {
                        String street = rs.getString(1).substring(0, 9);
                        streets.put(street, new Street(street, rs.getString(2), district));
                    }, code);
            jdbc.query("SELECT code, name, street_code FROM division WHERE district_code = ? AND level = 'community' "
                    + "ORDER BY code", rs -> {
                        Street street = streets.get(rs.getString(3));
                        if (street != null) {
                            existing.add(new Community(rs.getString(1), rs.getString(2), street));
                        }
                    }, code);
        }
        if (streets.isEmpty()) {
            throw new IllegalStateException("no streets for districts " + districtCodes + " in the division table");
        }
        List<Community> all = new ArrayList<>(existing);
        if (wanted > existing.size()) {
            all.addAll(synthesize(jdbc, new ArrayList<>(streets.values()), existing, wanted - existing.size(), seed));
        }
        // Spread any prefix of the list over every street: by the community's number, then street.
        all.sort(Comparator.comparing((Community c) -> c.code().substring(9)).thenComparing(Community::code));
        List<Community> chosen = wanted == 0 || wanted >= all.size() ? all : all.subList(0, wanted);
        chosen = new ArrayList<>(chosen);
        chosen.sort(Comparator.comparing(Community::code));
        Set<String> real = new HashSet<>();
        existing.forEach(c -> real.add(c.code()));
        Geography geography = new Geography(List.copyOf(chosen), (int) chosen.stream()
                .filter(c -> !real.contains(c.code())).count());
        geography.districts.addAll(districts.values());
        geography.streets.addAll(streets.values());
        return geography;
    }

    /**
     * Community codes not yet used, round robin over the streets; names from a few hundred
     * plausible two-character names. Already synthesized ones (an earlier run) are reused.
     */
    private static List<Community> synthesize(JdbcTemplate jdbc, List<Street> streets, List<Community> existing, int count,
            long seed) {
        Set<String> taken = new HashSet<>();
        existing.forEach(c -> taken.add(c.code()));
        List<Community> made = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        int[] next = new int[streets.size()];
        java.util.Arrays.fill(next, 1);
        while (made.size() < count) {
            boolean any = false;
            for (int s = 0; s < streets.size() && made.size() < count; s++) {
                Street street = streets.get(s);
                while (next[s] <= 999 && taken.contains(street.code() + String.format("%03d", next[s]))) {
                    next[s]++;
                }
                if (next[s] > 999) {
                    continue;
                }
                any = true;
                String code = street.code() + String.format("%03d", next[s]++);
                taken.add(code);
                SplittableRandom rng = new SplittableRandom(seed ^ Long.parseLong(code) * 0x9E3779B97F4A7C15L);
                String name = "" + NAME_CHARS.charAt(rng.nextInt(NAME_CHARS.length()))
                        + NAME_CHARS.charAt(rng.nextInt(NAME_CHARS.length())) + "社区";
                made.add(new Community(code, name, street));
                inserts.add(new Object[] {code, name, street.code() + "000", street.district().code(), street.code()});
            }
            if (!any) {
                throw new IllegalStateException("the streets of " + streets.get(0).district().code()
                        + "… cannot hold " + count + " more communities");
            }
        }
        // INSERT IGNORE: a community synthesized by an earlier run keeps its code; its name is ours.
        List<Community> result = new ArrayList<>();
        jdbc.batchUpdate("INSERT IGNORE INTO division (code, name, level, parent_code, urban_rural, district_code, "
                + "street_code, loaded_at) VALUES (?, ?, 'community', ?, 'urban', ?, ?, NOW(6))", inserts);
        Map<String, String> names = new java.util.HashMap<>();
        for (int from = 0; from < made.size(); from += 1000) {
            List<Community> part = made.subList(from, Math.min(made.size(), from + 1000));
            String in = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("SELECT code, name FROM division WHERE code IN (" + in + ")",
                    rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, part.stream().map(Community::code).toArray());
        }
        for (Community c : made) {
            result.add(new Community(c.code(), names.getOrDefault(c.code(), c.name()), c.street()));
        }
        return result;
    }
}
