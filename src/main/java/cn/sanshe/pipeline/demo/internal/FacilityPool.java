package cn.sanshe.pipeline.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Community figures (S1), street service centres (S4) and incubators (D2). */
final class FacilityPool {

    private final Geography geography;
    private final long seed;
    final Map<String, List<CommunityProfile>> profilesByStreet = new LinkedHashMap<>();
    final Map<String, ServiceCentre> centres = new LinkedHashMap<>();
    final Map<String, List<Incubator>> incubatorsByDistrict = new LinkedHashMap<>();

    FacilityPool(Geography geography, long seed, Map<String, List<Organization>> districtOrgs) {
        this.geography = geography;
        this.seed = seed;
        for (District d : geography.districts()) {
            for (Street s : d.streets()) {
                profilesByStreet.put(s.code(), s.communities().stream().map(this::profile).toList());
                centres.put(s.code(), centre(s));
            }
            incubatorsByDistrict.put(d.code(), incubators(d, districtOrgs.get(d.code())));
        }
    }

    /** Some communities have no facility and some one below the 300 m² the policy asks for. */
    private CommunityProfile profile(Community c) {
        Rng rng = Rng.of(seed, "profile", c.code());
        int households = c.rural() ? rng.between(300, 1400) : rng.between(1500, 6000);
        double persons = c.rural() ? 3.0 + rng.unit() * 0.6 : 2.45 + rng.unit() * 0.5;
        double roll = rng.unit();
        BigDecimal area;
        if (roll < (c.rural() ? 0.15 : 0.05)) {
            area = null;
        } else if (roll < (c.rural() ? 0.45 : 0.13)) {
            area = area(rng, 60, 290);
        } else {
            area = c.rural() ? area(rng, 300, 650) : area(rng, 300, 1200);
        }
        int grids = Math.max(1, households / rng.between(250, 400));
        int volunteers = (int) (households * persons * rng.between(4, 12) / 100);
        return new CommunityProfile(c, households, persons, area, grids, volunteers,
                rng.between(-10, 25) / 10000.0, seed);
    }

    private ServiceCentre centre(Street s) {
        Rng rng = Rng.of(seed, "centre", s.code());
        double roll = rng.unit();
        LocalDate opened;
        if (roll < 0.82) {
            opened = rng.dateBetween(LocalDate.of(2015, 1, 1), LocalDate.of(2024, 10, 31));
        } else if (roll < 0.94) {
            opened = rng.dateBetween(LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 30));
        } else {
            opened = null;
        }
        return new ServiceCentre(s, opened, s.township() ? area(rng, 200, 1500) : area(rng, 400, 2500));
    }

    /** 市级 in the first district only (长安区 hosts the city's), one 区级, 1–3 街道级 per district. */
    private List<Incubator> incubators(District d, List<Organization> districtOrgs) {
        Rng rng = Rng.of(seed, "incubators", d.code());
        List<String> operators = districtOrgs.stream()
                .filter(o -> o.socialWorkAgency() && o.deregisteredOn() == null).map(Organization::creditCode).toList();
        List<Incubator> out = new ArrayList<>();
        if (d.code().equals(geography.districts().get(0).code())) {
            out.add(new Incubator(geography.cityName() + "社会组织孵化基地", "市级", d.code(), rng.pick(d.streets()).code(),
                    area(rng, 3000, 5000), LocalDate.of(2014, 6, 18), rng.pick(operators), 1.1, 0.7));
        }
        out.add(new Incubator(d.name() + "社会组织孵化基地", "区级", d.code(),
                rng.chance(0.5) ? rng.pick(d.streets()).code() : null, area(rng, 600, 2000),
                rng.dateBetween(LocalDate.of(2015, 1, 1), LocalDate.of(2021, 12, 31)), rng.pick(operators),
                0.5 + rng.unit() * 0.3, 0.55 + rng.unit() * 0.2));
        List<Street> streets = new ArrayList<>(d.streets());
        int count = Math.min(streets.size(), rng.between(1, 3));
        for (int i = 0; i < count; i++) {
            Street s = streets.remove(rng.between(0, streets.size() - 1));
            String name = s.name() + (rng.chance(0.6) ? "社会组织孵化基地" : "社区社会组织培育中心");
            out.add(new Incubator(name, "街道级", d.code(), s.code(), area(rng, 150, 600),
                    rng.dateBetween(LocalDate.of(2017, 1, 1), LocalDate.of(2024, 12, 31)),
                    rng.chance(0.6) ? rng.pick(operators) : null, 0.15 + rng.unit() * 0.2, 0.5 + rng.unit() * 0.25));
        }
        return List.copyOf(out);
    }

    /** Whole square metres, or a half for a third of the facilities, as surveyed areas read. */
    private static BigDecimal area(Rng rng, int lo, int hi) {
        BigDecimal whole = BigDecimal.valueOf(rng.between(lo, hi));
        return rng.chance(0.33) ? whole.add(new BigDecimal("0.5")) : whole;
    }
}
