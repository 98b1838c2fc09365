package cn.sanshe.pipeline.reconcile.survive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A master's earlier versions, for the figures of earlier months: the attributes the indicators
 * read, as survivorship gives them from the source rows with period ≤ P (and the steward values in
 * force then), kept as versions with the periods they hold for. The master record itself holds
 * the newest version; only the versions before it are rows of {@code org_master_asof} /
 * {@code worker_master_asof} — most masters never change, and have none.
 *
 * <p>Computed in one pass over the master's rows, oldest month first, keeping per field the newest
 * value from the district and from the street so far: the same answer as applying each field's
 * {@link Rule} to the rows up to every month, without doing so month after month.
 */
final class AttributeHistory {

    /** A steward's value and the first period it is in force for (null: every period). */
    record Override(String value, String validFrom) {
    }

    private AttributeHistory() {
    }

    /**
     * @param sources   the master's rows in force, newest first
     * @param overrides its steward values by field
     * @return rows of the history table: master id, valid_from, valid_until, then {@code kind.historyFields}
     */
    static List<Object[]> versions(MasterKind kind, long masterId, List<SourceValues> sources,
            Map<String, Override> overrides) {
        List<String> points = new ArrayList<>();
        for (int i = sources.size() - 1; i >= 0; i--) {
            String period = sources.get(i).period();
            if (points.isEmpty() || !points.get(points.size() - 1).equals(period)) {
                points.add(period);
            }
        }
        String first = points.get(0);
        // A steward's value starts a version of its own, even after the last month of rows: the master
        // record (the newest version) holds every steward value.
        for (Override override : overrides.values()) {
            if (override.validFrom() != null && override.validFrom().compareTo(first) > 0
                    && !points.contains(override.validFrom())) {
                points.add(override.validFrom());
            }
        }
        if (points.size() == 1) {
            return List.of();   // one month of rows: one version, the master's own
        }
        points.sort(String::compareTo);

        Map<String, Object> street = new HashMap<>();
        Map<String, Object> district = new HashMap<>();
        Map<String, Object> newest = new HashMap<>();
        boolean anyDistrict = false;
        boolean anyStreet = false;
        int next = sources.size() - 1;   // oldest row not yet taken
        List<String> starts = new ArrayList<>();
        List<List<Object>> states = new ArrayList<>();
        for (String point : points) {
            // The rows of the month, in survivorship's order within a month (the district's first, newer rows first).
            int end = next;
            while (next >= 0 && sources.get(next).period().compareTo(point) <= 0) {
                next--;
            }
            for (int i = next + 1; i <= end; i++) {
                SourceValues row = sources.get(i);
                anyDistrict |= row.fromDistrict();
                anyStreet |= !row.fromDistrict();
            }
            for (String field : kind.historyInputs) {
                Object inStreet = null;
                Object inDistrict = null;
                Object any = null;
                for (int i = next + 1; i <= end; i++) {
                    SourceValues row = sources.get(i);
                    Object value = row.values().get(field);
                    if (value == null || value instanceof String text && text.isBlank()) {
                        continue;
                    }
                    if (any == null) {
                        any = value;
                    }
                    if (row.fromDistrict()) {
                        inDistrict = inDistrict == null ? value : inDistrict;
                    } else {
                        inStreet = inStreet == null ? value : inStreet;
                    }
                }
                if (inStreet != null) {
                    street.put(field, inStreet);
                }
                if (inDistrict != null) {
                    district.put(field, inDistrict);
                }
                if (any != null) {
                    newest.put(field, any);
                }
            }
            Map<String, Object> chosen = new HashMap<>();
            for (String field : kind.historyInputs) {
                Object s = street.get(field);
                Object d = district.get(field);
                chosen.put(field, switch (kind.rules.get(field)) {
                    case DISTRICT_FIRST -> d != null ? d : s;
                    case STREET_FIRST -> s != null ? s : d;
                    case NEWEST -> newest.get(field);
                    case DISTRICT_ONLY -> d;
                    case STREET_ONLY -> s;
                });
            }
            Survivorship.derive(kind, anyDistrict, anyStreet, chosen);
            overrides.forEach((field, override) -> {
                if (override.validFrom() == null || override.validFrom().compareTo(point) <= 0) {
                    chosen.put(field, override.value());
                }
            });
            List<Object> state = new ArrayList<>(kind.historyFields.size());
            for (String field : kind.historyFields) {
                state.add(normal(chosen.get(field)));
            }
            if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
                starts.add(point);
                states.add(state);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        // Every version but the newest, which the master record holds.
        for (int v = 0; v < states.size() - 1; v++) {
            Object[] row = new Object[3 + kind.historyFields.size()];
            row[0] = masterId;
            row[1] = starts.get(v);
            row[2] = starts.get(v + 1);
            for (int f = 0; f < kind.historyFields.size(); f++) {
                row[3 + f] = states.get(v).get(f);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Values compare as the database stores them: a whole number whatever its Java type, a blank as none. */
    private static Object normal(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && text.isBlank()) {
            return null;
        }
        return value;
    }
}
