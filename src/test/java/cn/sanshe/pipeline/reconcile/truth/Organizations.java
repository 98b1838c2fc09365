package cn.sanshe.pipeline.reconcile.truth;

import cn.sanshe.pipeline.reconcile.truth.Geography.Community;
import cn.sanshe.pipeline.reconcile.truth.Geography.District;
import cn.sanshe.pipeline.reconcile.truth.Geography.Street;
import cn.sanshe.pipeline.reconcile.truth.OrgNames.Activity;
import cn.sanshe.pipeline.reconcile.truth.StagingWriter.Table;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every organization of the truth set over the window, and the S2 / D1 rows they give each month. */
final class Organizations {

    /** One real organization. Month indexes are within the window: 0 is the first month. */
    static final class Org {
        final int entity;
        final District district;
        final Community community;   // null: district level, registry only
        final String core;
        final String local;          // the name as the community knows it
        final boolean bracketed;
        final Activity activity;
        final String person;
        final String phone;
        final LocalDate founded;
        final List<String> places;   // place names a clerk may put before the name
        String filingNo;
        String creditCode;
        String registryName;
        LocalDate registeredOn;
        boolean registryCommunity;
        int registeredFrom = -1;     // -1 never; 0 before the window
        int cancelledFrom = -1;
        boolean listedWhileCancelled;
        int ledgerFrom;
        int ledgerUntil;
        int lookAlikeOf;
        Integer rating;
        String address;

        Org(int entity, District district, Community community, String core, String local, boolean bracketed,
                Activity activity, String person, String phone, LocalDate founded, int months) {
            this.entity = entity;
            this.district = district;
            this.community = community;
            this.core = core;
            this.local = local;
            this.bracketed = bracketed;
            this.activity = activity;
            this.person = person;
            this.phone = phone;
            this.founded = founded;
            this.ledgerUntil = community == null ? 0 : months;
            List<String> names = new ArrayList<>(List.of(district.cityName(), district.name()));
            if (community != null) {
                names.add(community.street().name());
                names.add(community.name());
            }
            if (district.cityName().endsWith("市")) {
                names.add(district.cityName().substring(0, district.cityName().length() - 1));
            }
            this.places = List.copyOf(names);
        }

        boolean registeredIn(int month) {
            return registeredFrom >= 0 && month >= registeredFrom;
        }

        boolean cancelledIn(int month) {
            return cancelledFrom >= 0 && month >= cancelledFrom;
        }

        boolean listedIn(int month) {
            return community != null && month >= ledgerFrom && month < ledgerUntil;
        }
    }

    private static final List<Integer> RATINGS = List.of(1, 2, 3, 3, 3, 4, 4, 5);

    final List<Org> all = new ArrayList<>();
    final Map<String, List<Org>> byStreet = new LinkedHashMap<>();
    final Map<String, List<Org>> byDistrict = new LinkedHashMap<>();
    final Map<Long, SortedSet<String>> plantedActiveButCancelled = new TreeMap<>();

    private final Spec spec;
    private final Spec.Noise noise;
    private final People people;
    private final OrgNames names = new OrgNames();
    private final List<YearMonth> periods;

    Organizations(Spec spec, Geography geography, People people) {
        this.spec = spec;
        this.noise = spec.noise();
        this.people = people;
        this.periods = spec.periods();
        for (Street street : geography.streets) {
            byStreet.put(street.code(), new ArrayList<>());
        }
        for (District district : geography.districts) {
            byDistrict.put(district.code(), new ArrayList<>());
        }
        for (Community community : geography.communities) {
            community(community);
        }
        for (District district : geography.districts) {
            long inDistrict = geography.communities.stream().filter(c -> c.districtCode().equals(district.code())).count();
            districtLevel(district, (int) Math.max(2, inDistrict / 25));
        }
        ensureAConflictIsPlanted();
    }

    private SplittableRandom rng(String... keys) {
        long h = spec.seed() * 0x9E3779B97F4A7C15L;
        for (String key : keys) {
            h = (h ^ key.hashCode()) * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        }
        return new SplittableRandom(h);
    }

    private void community(Community c) {
        SplittableRandom rng = rng("orgs", c.code());
        int mean = spec.orgsPerCommunity();
        int spread = mean / 3;
        int count = mean - spread + rng.nextInt(2 * spread + 1);
        Set<String> persons = new HashSet<>();
        for (int i = 0; i < count; i++) {
            boolean registered = rng.nextDouble() < noise.registered();
            Activity activity = registered ? pick(rng, OrgNames.REGISTERED) : pick(rng, OrgNames.FILED);
            String core = names.core(rng, c.districtCode(), activity.word());
            if (core == null) {
                continue;   // the district has no fresh name left for this activity: one organization fewer
            }
            boolean bracketed = registered && rng.nextDouble() < 0.3;
            Org org = add(c.street().district(), c, core, activity, bracketed, uniquePerson(rng, persons), rng);
            if (registered) {
                register(org, 0, rng);
                double fate = rng.nextDouble();
                if (spec.months() > 1 && fate < noise.cancelledListed()) {
                    org.cancelledFrom = 1 + rng.nextInt(spec.months() - 1);
                    org.listedWhileCancelled = true;
                } else if (spec.months() > 1 && fate < noise.cancelledListed() + noise.cancelledDropped()) {
                    org.cancelledFrom = 1 + rng.nextInt(spec.months() - 1);
                    org.ledgerUntil = org.cancelledFrom;
                }
            } else {
                org.filingNo = c.street().name().substring(0, Math.min(2, c.street().name().length())) + "备〔"
                        + org.founded.getYear() + "〕" + String.format(Locale.ROOT, "%03d", 1 + rng.nextInt(120)) + "号";
                double fate = rng.nextDouble();
                if (spec.months() > 1 && fate < noise.laterRegistered()) {
                    register(org, 1 + rng.nextInt(spec.months() - 1), rng);
                } else if (spec.months() > 1 && fate < noise.laterRegistered() + noise.ledgerChurn()) {
                    if (rng.nextBoolean()) {
                        org.ledgerFrom = 1 + rng.nextInt(spec.months() - 1);
                    } else {
                        org.ledgerUntil = 1 + rng.nextInt(spec.months() - 1);
                    }
                }
                String alike = OrgNames.LOOK_ALIKE.get(activity.word());
                if (alike != null && rng.nextDouble() < noise.lookAlike()) {
                    String word = core.substring(0, core.length() - activity.word().length());
                    String twin = word + alike;
                    if (names.claimCore(c.districtCode(), twin)) {
                        Activity twinActivity = new Activity(alike, activity.domain(), activity.registeredType(), false);
                        Org other = add(c.street().district(), c, twin, twinActivity, false, uniquePerson(rng, persons),
                                rng);
                        other.lookAlikeOf = org.entity;
                        other.filingNo = org.filingNo.replaceAll("〕\\d+号", "〕" + String.format(Locale.ROOT, "%03d",
                                121 + rng.nextInt(80)) + "号");
                    }
                }
            }
        }
    }

    private static String uniquePerson(SplittableRandom rng, Set<String> taken) {
        while (true) {
            String person = People.anyone(rng);
            if (taken.add(person)) {
                return person;
            }
        }
    }

    private Org add(District district, Community c, String core, Activity activity, boolean bracketed, String person,
            SplittableRandom rng) {
        String local = c == null ? core : bracketed ? core + "（" + c.name() + "）" : c.name() + core;
        LocalDate founded = LocalDate.of(2008 + rng.nextInt(17), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
        Org org = new Org(all.size() + 1, district, c, core, local, bracketed, activity, person, people.phone(rng),
                founded, spec.months());
        all.add(org);
        if (c != null) {
            byStreet.get(c.street().code()).add(org);
        }
        byDistrict.get(district.code()).add(org);
        if (!names.claim(district.code(), local, org.places, org.entity)) {
            throw new IllegalStateException("two organizations of " + district.code() + " share the name " + local);
        }
        return org;
    }

    /** Registered from {@code month} on: a credit code, a legal name, a D1 row every month. */
    private void register(Org org, int month, SplittableRandom rng) {
        org.registeredFrom = month;
        org.creditCode = people.creditCode(rng, org.activity.registeredType(), org.district.code());
        org.registeredOn = month == 0
                ? LocalDate.of(Math.max(2010, org.founded.getYear()), 1 + rng.nextInt(12), 1 + rng.nextInt(28))
                : periods.get(month).atDay(1 + rng.nextInt(28));
        boolean prefixed = org.community == null || rng.nextDouble() < noise.registryPrefix();
        org.registryName = (prefixed ? (rng.nextDouble() < 0.4 ? org.district.cityName() : "") + org.district.name() : "")
                + org.local;
        org.registryCommunity = org.community != null && rng.nextDouble() >= noise.registryNoCommunity();
        org.rating = rng.nextDouble() < 0.35 ? RATINGS.get(rng.nextInt(RATINGS.size())) : null;
        org.address = org.district.name() + (org.community == null ? "" : org.community.street().name())
                + (1 + rng.nextInt(399)) + "号";
        if (!names.claim(org.district.code(), org.registryName, org.places, org.entity)) {
            throw new IllegalStateException("the legal name " + org.registryName + " is another organization's");
        }
    }

    private void districtLevel(District district, int count) {
        SplittableRandom rng = rng("district-orgs", district.code());
        for (int i = 0; i < count; i++) {
            Activity activity = pick(rng, OrgNames.DISTRICT_LEVEL);
            String core = names.core(rng, district.code(), activity.word());
            if (core == null) {
                continue;
            }
            Org org = add(district, null, core, activity, false, People.anyone(rng), rng);
            register(org, 0, rng);
            if (spec.months() > 1 && rng.nextDouble() < noise.cancelledDropped()) {
                org.cancelledFrom = 1 + rng.nextInt(spec.months() - 1);
            }
        }
    }

    /** A small run may draw no cancelled-but-listed organization: make the first registered one so. */
    private void ensureAConflictIsPlanted() {
        if (spec.months() < 2 || noise.cancelledListed() <= 0
                || all.stream().anyMatch(o -> o.listedWhileCancelled)) {
            return;
        }
        all.stream().filter(o -> o.community != null && o.registeredFrom == 0 && o.cancelledFrom < 0).findFirst()
                .ifPresent(o -> {
                    o.cancelledFrom = spec.months() - 1;
                    o.listedWhileCancelled = true;
                });
    }

    /** What a steward would want to know about an organization that is not plain. */
    Map<Long, String> notes() {
        Map<Long, String> notes = new java.util.HashMap<>();
        for (Org o : all) {
            List<String> what = new ArrayList<>();
            if (o.community == null) {
                what.add("district level, D1 only");
            }
            if (o.lookAlikeOf > 0) {
                what.add("look-alike of #" + o.lookAlikeOf);
            }
            if (o.registeredFrom > 0) {
                what.add("filed, registers from " + periods.get(o.registeredFrom));
            } else if (o.registeredFrom == 0) {
                what.add("registered" + (o.bracketed ? ", bracketed name" : ""));
            }
            if (o.cancelledFrom >= 0) {
                what.add("cancelled from " + periods.get(o.cancelledFrom)
                        + (o.listedWhileCancelled ? ", still listed by the street" : ", dropped by the street"));
            }
            if (o.community != null && (o.ledgerFrom > 0 || o.ledgerUntil < spec.months()) && o.cancelledFrom < 0) {
                what.add("on the ledger " + periods.get(o.ledgerFrom) + " to " + periods.get(o.ledgerUntil - 1));
            }
            if (!what.isEmpty()) {
                notes.put((long) o.entity, String.join("; ", what));
            }
        }
        return notes;
    }

    private static <T> T pick(SplittableRandom rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    // ---------------------------------------------------------------------------------------------

    void writeMonth(StagingWriter writer, int month) {
        YearMonth period = periods.get(month);
        for (Map.Entry<String, List<Org>> street : byStreet.entrySet()) {
            StagingWriter.Sheet sheet = null;
            SplittableRandom rng = rng("S2", street.getKey(), period.toString());
            for (Org org : street.getValue()) {
                if (!org.listedIn(month)) {
                    continue;
                }
                if (sheet == null) {
                    sheet = writer.sheet(Table.S2, street.getKey(), period);
                }
                ledgerRow(sheet, org, month, rng);
                if (org.cancelledIn(month) && org.listedWhileCancelled) {
                    plantedActiveButCancelled.computeIfAbsent((long) org.entity, k -> new TreeSet<>())
                            .add(period.toString());
                }
            }
            if (sheet != null) {
                sheet.close();
            }
        }
        for (Map.Entry<String, List<Org>> district : byDistrict.entrySet()) {
            StagingWriter.Sheet sheet = null;
            SplittableRandom rng = rng("D1", district.getKey(), period.toString());
            for (Org org : district.getValue()) {
                if (!org.registeredIn(month)) {
                    continue;
                }
                if (sheet == null) {
                    sheet = writer.sheet(Table.D1, district.getKey(), period);
                }
                registryRow(sheet, org, month, rng);
            }
            if (sheet != null) {
                sheet.close();
            }
        }
    }

    private void ledgerRow(StagingWriter.Sheet sheet, Org org, int month, SplittableRandom rng) {
        int tags = 0;
        String name = org.local;
        if (rng.nextDouble() < noise.prefix()) {
            name = prefix(org, rng) + name;
            tags |= RowEntities.PREFIX;
        }
        double slip = rng.nextDouble();
        String slipped = null;
        int slipTag = 0;
        if (slip < noise.homophone()) {
            slipped = OrgNames.homophone(rng, name, org.core);
            slipTag = RowEntities.HOMOPHONE;
        } else if (slip < noise.homophone() + noise.edit()) {
            slipped = OrgNames.edit(rng, name, org.core);
            slipTag = RowEntities.EDIT;
        }
        if (slipped != null && names.claim(org.district.code(), slipped, org.places, org.entity)) {
            name = slipped;
            tags |= slipTag;
        }
        if (rng.nextDouble() < noise.spacing()) {
            name = OrgNames.spacing(rng, name);
            tags |= RowEntities.SPACING;
        }
        boolean registered = org.registeredIn(month);
        boolean withCode = registered && (org.registeredFrom > 0 || rng.nextDouble() >= noise.missingCode());
        if (registered && !withCode) {
            tags |= RowEntities.NO_CODE;
        }
        String phone = org.phone;
        if (rng.nextDouble() < noise.missingPhone()) {
            phone = null;
            tags |= RowEntities.NO_PHONE;
        }
        sheet.row(org.entity, tags,
                name,
                withCode ? org.creditCode : null,
                withCode ? "已登记" : "已备案",
                withCode ? null : org.filingNo,
                registered ? org.activity.registeredType() : "社区社会组织",
                org.activity.domain(),
                org.person,
                phone,
                org.community.code(),
                org.founded,
                registered ? org.rating : null,
                org.activity.agency());
    }

    private static String prefix(Org org, SplittableRandom rng) {
        District d = org.district;
        String street = org.community.street().name();
        return switch (rng.nextInt(6)) {
            case 0 -> d.cityName() + d.name() + street;
            case 1 -> d.cityName() + d.name();
            case 2 -> d.name() + street;
            case 3 -> d.name();
            case 4 -> street;
            default -> d.cityName();
        };
    }

    private void registryRow(StagingWriter.Sheet sheet, Org org, int month, SplittableRandom rng) {
        int tags = 0;
        String name = org.registryName;
        if (org.bracketed && rng.nextDouble() < noise.spacing()) {
            name = OrgNames.spacing(rng, name);
            tags |= RowEntities.SPACING;
        }
        sheet.row(org.entity, tags,
                org.creditCode,
                name,
                org.activity.registeredType(),
                org.registeredOn,
                org.cancelledIn(month) ? "注销" : "正常",
                org.person,
                org.address,
                org.registryCommunity ? org.community.code() : null,
                org.rating,
                org.activity.agency());
    }
}
