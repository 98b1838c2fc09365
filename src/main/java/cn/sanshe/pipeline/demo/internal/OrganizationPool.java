package cn.sanshe.pipeline.demo.internal;

import cn.sanshe.pipeline.demo.internal.OrganizationNames.Kind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every organization the demo city will ever have, by street ledger and by district. */
final class OrganizationPool {

    private static final List<String> RATINGS = List.of("1A", "2A", "3A", "4A", "5A");

    private final Geography geography;
    private final long seed;
    private final Codes codes;
    private final OrganizationNames names = new OrganizationNames();
    final Map<String, List<Organization>> byStreet = new LinkedHashMap<>();
    final Map<String, List<Organization>> districtLevel = new LinkedHashMap<>();

    OrganizationPool(Geography geography, long seed, Codes codes) {
        this.geography = geography;
        this.seed = seed;
        this.codes = codes;
        for (District d : geography.districts()) {
            for (Street s : d.streets()) {
                List<Organization> ledger = new ArrayList<>();
                s.communities().forEach(c -> ledger.addAll(community(d, s, c)));
                byStreet.put(s.code(), List.copyOf(ledger));
            }
            districtLevel.put(d.code(), districtLevel(d));
        }
    }

    private List<Organization> community(District d, Street s, Community c) {
        Rng rng = Rng.of(seed, "orgs", c.code());
        int count = c.rural() ? rng.between(3, 5) : rng.between(3, 8);
        List<Organization> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = c.code() + "-" + i;
            out.add(rng.chance(0.15) ? registered(rng, d, s, c, key) : filed(rng, d, s, c, key, null));
        }
        if (rng.chance(0.3)) {
            out.add(filed(rng, d, s, c, c.code() + "-" + count, DemoClock.churnDay(rng)));
        }
        return out;
    }

    /** A group filed with the street; newlyFounded non-null means it appears during the window. */
    private Organization filed(Rng rng, District d, Street s, Community c, String key, LocalDate newlyFounded) {
        Kind kind = rng.pick(OrganizationNames.FILED);
        String ledgerName = c.name() + names.core(rng, d.code(), kind.word());
        LocalDate founded = newlyFounded != null ? newlyFounded
                : rng.dateBetween(LocalDate.of(2012, 3, 1), LocalDate.of(2024, 12, 31));
        String filing = s.shortName() + "备〔" + founded.getYear() + "〕"
                + String.format(Locale.ROOT, "%03d", rng.between(1, 80)) + "号";
        YearMonth from = newlyFounded == null ? null : YearMonth.from(newlyFounded);
        LocalDate registeredOn = null;
        YearMonth until = null;
        double fate = rng.unit();
        if (newlyFounded == null && fate < 0.05) {
            registeredOn = DemoClock.churnDay(rng);
        } else if (newlyFounded == null && fate < 0.09) {
            until = rng.monthBetween(DemoClock.CHURN_FROM, DemoClock.CHURN_TO);
        }
        String type = registeredOn == null ? null : kind.registeredType();
        String credit = registeredOn == null ? null : codes.creditCode(rng, type, d.code());
        return new Organization(key, d.code(), s.code(), c.code(), ledgerName,
                registeredOn == null ? null : d.name() + ledgerName, kind.domain(), PersonNames.anyone(rng),
                rng.chance(0.9) ? rng.mobile() : null, founded, filing, type, credit, registeredOn, null,
                null, false, OrganizationNames.address(rng, d.name()), from, until);
    }

    /**
     * Registered with the district from the start. The ledger name differs from the legal name
     * the way clerks shorten it: without the city and district, or with half-width brackets.
     */
    private Organization registered(Rng rng, District d, Street s, Community c, String key) {
        Kind kind = rng.chance(0.03) ? OrganizationNames.FOUNDATION : rng.pick(OrganizationNames.REGISTERED);
        String core = names.core(rng, d.code(), kind.word());
        boolean bracketed = rng.chance(0.3);
        String local = bracketed ? core + "（" + c.name() + "）" : c.name() + core;
        String legal = (rng.chance(0.4) ? geography.cityName() : "") + d.name() + local;
        String ledgerName = switch (rng.weighted(5, 4, 2)) {
            case 0 -> legal;
            case 1 -> halfWidth(local);
            default -> bracketed ? halfWidth(legal) : local;
        };
        LocalDate registeredOn = rng.dateBetween(LocalDate.of(2010, 1, 1), LocalDate.of(2024, 12, 31));
        LocalDate deregistered = rng.chance(0.05) ? DemoClock.churnDay(rng) : null;
        String rating = rng.chance(0.35) ? RATINGS.get(rng.weighted(2, 4, 6, 3, 1)) : null;
        return new Organization(key, d.code(), s.code(), c.code(), ledgerName, legal, kind.domain(),
                PersonNames.anyone(rng), rng.mobile(), registeredOn, null, kind.registeredType(),
                codes.creditCode(rng, kind.registeredType(), d.code()), registeredOn, deregistered, rating,
                kind.agency(), OrganizationNames.address(rng, d.name()), null,
                deregistered == null ? null : YearMonth.from(deregistered));
    }

    /** Agencies and associations the district registered that belong to no community ledger. */
    private List<Organization> districtLevel(District d) {
        Rng rng = Rng.of(seed, "district-orgs", d.code());
        List<Organization> out = new ArrayList<>();
        int agencies = rng.between(3, 5);
        for (int i = 0; i < agencies; i++) {
            String activity = rng.chance(0.7) ? "社会工作服务中心" : "社工事务所";
            String name = geography.cityName() + d.name() + names.core(rng, d.code(), activity);
            out.add(districtOrg(rng, d, i, name, "民办非企业单位", rng.pick(List.of("公益慈善", "心理", "儿童", "养老服务")),
                    true, rng.dateBetween(LocalDate.of(2012, 1, 1), LocalDate.of(2023, 12, 31)), null));
        }
        for (String association : List.of("社会工作者协会", "慈善协会", "志愿服务联合会")) {
            out.add(districtOrg(rng, d, out.size(), d.name() + association, "社会团体", "公益慈善", false,
                    rng.dateBetween(LocalDate.of(2008, 1, 1), LocalDate.of(2020, 12, 31)), null));
        }
        int closed = rng.between(1, 2);
        for (int i = 0; i < closed; i++) {
            String name = geography.cityName() + d.name() + names.core(rng, d.code(), rng.chance(0.5) ? "家政服务中心" : "职业培训中心");
            LocalDate registered = rng.dateBetween(LocalDate.of(2011, 1, 1), LocalDate.of(2017, 12, 31));
            out.add(districtOrg(rng, d, out.size(), name, "民办非企业单位", "教育", false, registered,
                    rng.dateBetween(LocalDate.of(2019, 1, 1), LocalDate.of(2024, 6, 30))));
        }
        return List.copyOf(out);
    }

    private Organization districtOrg(Rng rng, District d, int index, String name, String type, String domain,
            boolean agency, LocalDate registered, LocalDate deregistered) {
        String rating = agency && rng.chance(0.5) ? RATINGS.get(rng.weighted(1, 2, 5, 4, 2)) : null;
        return new Organization(d.code() + "-d" + index, d.code(), null, null, name, name, domain,
                PersonNames.anyone(rng), rng.mobile(), registered, null, type, codes.creditCode(rng, type, d.code()),
                registered, deregistered, rating, agency, OrganizationNames.address(rng, d.name()), null, null);
    }

    static String halfWidth(String name) {
        return name.replace('（', '(').replace('）', ')');
    }
}
