package cn.sanshe.pipeline.reconcile.survive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass history equals survivorship's rules applied to the rows up to each month, for
 * random masters: every month between a master's first and last, the version holding then (or the
 * newest, which the master record keeps) is what the rules give from the rows with period ≤ it.
 */
class AttributeHistoryTests {

    static final String[] STATUS = {"已登记", "已备案", null};
    static final String[] TYPES = {"社会团体", "民办非企业单位", "基金会", null, " "};
    static final Integer[] RATINGS = {null, 2, 3, 4};
    static final Boolean[] FLAGS = {null, true, false};
    static final String[] EDUCATION = {"本科", "大专", null};
    static final String[] LEVELS = {"社会工作师", "助理社会工作师", null};

    @Test
    void versionsAreTheRulesOverTheRowsUpToEachMonth() {
        Random random = new Random(11);
        for (int master = 0; master < 2_000; master++) {
            MasterKind kind = master % 2 == 0 ? MasterKind.ORG : MasterKind.WORKER;
            List<SourceValues> rows = rows(kind, random);
            Map<String, AttributeHistory.Override> overrides = new HashMap<>();
            if (kind == MasterKind.ORG && random.nextInt(5) == 0) {
                overrides.put("org_type", new AttributeHistory.Override("社会团体", month(1 + random.nextInt(12))));
            }
            List<Object[]> versions = AttributeHistory.versions(kind, master, rows, overrides);
            String first = rows.stream().map(SourceValues::period).min(String::compareTo).orElseThrow();
            // the master record: every row, every steward value
            List<Object> newest = expected(kind, rows, overrides, "9999-12");
            for (int m = 1; m <= 12; m++) {
                String period = month(m);
                if (period.compareTo(first) < 0) {
                    continue;
                }
                List<Object> held = newest;
                for (Object[] version : versions) {
                    if (((String) version[1]).compareTo(period) <= 0 && ((String) version[2]).compareTo(period) > 0) {
                        held = asList(version);
                    }
                }
                assertThat(held).as("master %d (%s) in %s: rows %s, versions %s", master, kind, period, rows,
                        versions.stream().map(java.util.Arrays::toString).toList()).isEqualTo(expected(kind, rows, overrides, period));
            }
            for (int v = 1; v < versions.size(); v++) {
                assertThat(versions.get(v)[1]).isEqualTo(versions.get(v - 1)[2]);
            }
        }
    }

    private static List<Object> asList(Object[] version) {
        List<Object> values = new ArrayList<>();
        for (int i = 3; i < version.length; i++) {
            values.add(version[i]);
        }
        return values;
    }

    /** What survivorship gives from the rows with period ≤ P, the plain way. */
    private static List<Object> expected(MasterKind kind, List<SourceValues> rows,
            Map<String, AttributeHistory.Override> overrides, String period) {
        List<SourceValues> upTo = rows.stream().filter(row -> row.period().compareTo(period) <= 0).toList();
        Map<String, Object> chosen = new HashMap<>();
        kind.rules.forEach((field, rule) -> chosen.put(field, rule.choose(upTo, field)
                .map(SourceValues.Chosen::value).orElse(null)));
        Survivorship.derive(kind, upTo.stream().anyMatch(SourceValues::fromDistrict),
                upTo.stream().anyMatch(row -> !row.fromDistrict()), chosen);
        overrides.forEach((field, override) -> {
            if (override.validFrom() == null || override.validFrom().compareTo(period) <= 0) {
                chosen.put(field, override.value());
            }
        });
        List<Object> state = new ArrayList<>();
        for (String field : kind.historyFields) {
            Object value = chosen.get(field);
            state.add(value instanceof Integer number ? (Object) number.longValue()
                    : value instanceof String text && text.isBlank() ? null : value);
        }
        return state;
    }

    private static List<SourceValues> rows(MasterKind kind, Random random) {
        List<SourceValues> rows = new ArrayList<>();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            boolean district = random.nextBoolean();
            String template = kind == MasterKind.ORG ? (district ? "D1" : "S2") : (district ? "D3" : "S3");
            Map<String, Object> values = new HashMap<>();
            if (kind == MasterKind.ORG) {
                values.put("credit_code", random.nextInt(4) == 0 ? "52130102MJ0000001X" : null);
                values.put("reg_status", district ? "已登记" : pick(random, STATUS));
                values.put("org_type", pick(random, TYPES));
                values.put("rating", pick(random, RATINGS));
                values.put("is_sw_agency", pick(random, FLAGS));
                values.put("community_code", random.nextBoolean() ? "13010200100" + random.nextInt(3) : null);
            } else {
                values.put("education", district ? null : pick(random, EDUCATION));
                values.put("cert_level", district ? pick(random, LEVELS) : null);
            }
            rows.add(new SourceValues(template, 1 + random.nextInt(1_000), month(1 + random.nextInt(12)), values));
        }
        rows.sort(SourceValues.NEWEST_FIRST);
        return rows;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String month(int m) {
        return String.format("2026-%02d", m);
    }
}
