package cn.sanshe.pipeline.reconcile.survive;

import java.util.List;
import java.util.Optional;

/** Which source wins a field (identifiers.md, "Which source wins a field"). */
enum Rule {
    /** Registration facts, certificates: the district's register, else the street. */
    DISTRICT_FIRST,
    /** Community, service domain, person in charge, phone, roster facts: the street, else the district. */
    STREET_FIRST,
    /** Anything else: the latest period; ties go to the district. */
    NEWEST,
    /** Only the district's register counts (a certificate the register does not hold is not one). */
    DISTRICT_ONLY,
    /** Only the street's roster or ledger counts. */
    STREET_ONLY;

    Optional<SourceValues.Chosen> choose(List<SourceValues> newestFirst, String field) {
        List<SourceValues> district = newestFirst.stream().filter(SourceValues::fromDistrict).toList();
        List<SourceValues> street = newestFirst.stream().filter(row -> !row.fromDistrict()).toList();
        return switch (this) {
            case DISTRICT_FIRST -> SourceValues.newest(district, field).or(() -> SourceValues.newest(street, field));
            case STREET_FIRST -> SourceValues.newest(street, field).or(() -> SourceValues.newest(district, field));
            case NEWEST -> SourceValues.newest(newestFirst, field);
            case DISTRICT_ONLY -> SourceValues.newest(district, field);
            case STREET_ONLY -> SourceValues.newest(street, field);
        };
    }
}
