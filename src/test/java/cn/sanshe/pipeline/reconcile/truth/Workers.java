package cn.sanshe.pipeline.reconcile.truth;

import cn.sanshe.pipeline.reconcile.truth.Geography.Community;
import cn.sanshe.pipeline.reconcile.truth.StagingWriter.Table;
import cn.sanshe.pipeline.system.IdentityVault;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every worker and certificate holder of the truth set, and the S3 / D3 rows they give each month. */
final class Workers {

    static final class Worker {
        final int entity;
        final Community home;
        final String name;
        final IdentityVault.ProtectedId id;
        final String gender;
        final LocalDate birth;
        final String education;
        final String political;
        final String post;
        final boolean committee;
        final LocalDate hired;
        final String phone;
        String certLevel;
        String certNo;
        int obtainedYear;
        boolean rosterGivesNo;
        boolean registerOnly;
        int rosterFrom;
        int rosterUntil;
        Community movedTo;
        int movedFrom = -1;
        int secondMonth = -1;
        Community second;
        String claimedLevel;
        String claimedNo;
        Worker borrowedFrom;   // D3 also lists this worker under that worker's certificate number

        Worker(int entity, Community home, String name, IdentityVault.ProtectedId id, String gender, LocalDate birth,
                String education, String political, String post, boolean committee, LocalDate hired, String phone,
                int months) {
            this.entity = entity;
            this.home = home;
            this.name = name;
            this.id = id;
            this.gender = gender;
            this.birth = birth;
            this.education = education;
            this.political = political;
            this.post = post;
            this.committee = committee;
            this.hired = hired;
            this.phone = phone;
            this.rosterUntil = months;
        }

        boolean plain() {
            return !registerOnly && movedFrom < 0 && secondMonth < 0 && claimedNo == null && borrowedFrom == null
                    && rosterFrom == 0;
        }

        Community communityIn(int month) {
            return movedFrom >= 0 && month >= movedFrom ? movedTo : home;
        }
    }

    private static final List<String> EDUCATION = List.of("高中", "中专", "大专", "大专", "本科", "本科", "本科", "硕士研究生");
    private static final List<String> POLITICAL = List.of("中共党员", "中共党员", "群众", "群众", "群众", "共青团员");
    private static final List<String> POSTS = List.of("书记", "主任", "副主任", "委员", "专职工作者", "专职工作者", "社工",
            "网格员", "网格员");
    private static final List<String> LEVELS = List.of("助理社会工作师", "助理社会工作师", "助理社会工作师", "社会工作师",
            "社会工作师", "高级社会工作师");

    final List<Worker> all = new ArrayList<>();
    final Map<Long, SortedSet<String>> plantedTwoCommunities = new TreeMap<>();
    final List<Truth.CertPair> plantedCertTwoIds = new ArrayList<>();
    final Set<Long> plantedNotInRegister = new TreeSet<>();

    private final Spec spec;
    private final Spec.Noise noise;
    private final People people;
    private final IdentityVault vault;
    private final List<YearMonth> periods;
    private final Map<String, List<Worker>> byDistrict = new LinkedHashMap<>();
    private final Map<String, List<Community>> communitiesByDistrict = new LinkedHashMap<>();
    private final List<String> streets = new ArrayList<>();

    Workers(Spec spec, Geography geography, People people, IdentityVault vault) {
        this.spec = spec;
        this.noise = spec.noise();
        this.people = people;
        this.vault = vault;
        this.periods = spec.periods();
        geography.streets.forEach(s -> streets.add(s.code()));
        for (Community c : geography.communities) {
            communitiesByDistrict.computeIfAbsent(c.districtCode(), k -> new ArrayList<>()).add(c);
        }
        for (Community c : geography.communities) {
            community(c);
        }
        for (Map.Entry<String, List<Community>> district : communitiesByDistrict.entrySet()) {
            plant(district.getKey(), district.getValue());
        }
    }

    private SplittableRandom rng(String... keys) {
        long h = spec.seed() * 0xD1B54A32D192ED03L;
        for (String key : keys) {
            h = (h ^ key.hashCode()) * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        }
        return new SplittableRandom(h);
    }

    private void community(Community c) {
        SplittableRandom rng = rng("workers", c.code());
        int mean = spec.workersPerCommunity();
        int spread = mean / 3;
        int count = mean - spread + rng.nextInt(2 * spread + 1);
        int certified = 0;
        for (int i = 0; i < count; i++) {
            Worker w = worker(c, rng);
            if (rng.nextDouble() < noise.certified()) {
                certify(w, rng);
                certified++;
            }
            if (spec.months() > 1) {
                double fate = rng.nextDouble();
                if (fate < noise.movers()) {
                    List<Community> others = communitiesByDistrict.get(c.districtCode());
                    Community to = others.get(rng.nextInt(others.size()));
                    if (!to.equals(c)) {
                        w.movedTo = to;
                        w.movedFrom = 1 + rng.nextInt(spec.months() - 1);
                    }
                } else if (fate < noise.movers() + noise.rosterChurn()) {
                    if (rng.nextBoolean()) {
                        w.rosterFrom = 1 + rng.nextInt(spec.months() - 1);
                    } else {
                        w.rosterUntil = 1 + rng.nextInt(spec.months() - 1);
                    }
                }
            }
        }
        // Certificate holders working elsewhere (an agency, the street office): D3 only.
        int registerOnly = (int) Math.floor(certified * noise.registerOnly() + rng.nextDouble());
        for (int i = 0; i < registerOnly; i++) {
            Worker w = worker(c, rng);
            certify(w, rng);
            w.registerOnly = true;
        }
    }

    private Worker worker(Community c, SplittableRandom rng) {
        boolean male = rng.nextInt(100) < 35;
        LocalDate birth = LocalDate.of(1966 + rng.nextInt(36), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
        String id = people.identityNumber(rng, c.districtCode(), birth, male);
        Worker w = new Worker(all.size() + 1, c, People.name(rng, male), vault.protect(id), male ? "男" : "女", birth,
                EDUCATION.get(rng.nextInt(EDUCATION.size())), POLITICAL.get(rng.nextInt(POLITICAL.size())),
                POSTS.get(rng.nextInt(POSTS.size())), rng.nextInt(100) < 30,
                LocalDate.of(2010 + rng.nextInt(16), 1 + rng.nextInt(12), 1 + rng.nextInt(28)),
                rng.nextInt(100) < 90 ? people.phone(rng) : null, spec.months());
        all.add(w);
        byDistrict.computeIfAbsent(c.districtCode(), k -> new ArrayList<>()).add(w);
        return w;
    }

    private void certify(Worker w, SplittableRandom rng) {
        w.certLevel = LEVELS.get(rng.nextInt(LEVELS.size()));
        w.obtainedYear = 2012 + rng.nextInt(14);
        w.certNo = people.certificateNumber(rng, w.obtainedYear, w.certLevel);
        w.rosterGivesNo = rng.nextDouble() < noise.certNoOnRoster();
    }

    /**
     * The conflicts, among workers with nothing else special about them so that each planted
     * entity stands for exactly one kind; at least one of each kind when the rate is not zero.
     */
    private void plant(String district, List<Community> communities) {
        SplittableRandom rng = rng("plant", district);
        List<Worker> pool = byDistrict.getOrDefault(district, List.of());
        List<Worker> plainCertified = new ArrayList<>();
        List<Worker> plainUncertified = new ArrayList<>();
        for (Worker w : pool) {
            if (w.plain() && w.rosterUntil == spec.months()) {
                (w.certNo != null ? plainCertified : plainUncertified).add(w);
            }
        }
        shuffle(plainCertified, rng);
        shuffle(plainUncertified, rng);
        int twoCommunities = atLeastOne(pool.size() * noise.twoCommunities(), rng);
        int certPairs = atLeastOne(plainCertified.size() * noise.certTwoIds(), rng);
        int unverified = atLeastOne(pool.size() * noise.unverifiedClaim(), rng);
        List<String> otherDistricts = new ArrayList<>(communitiesByDistrict.keySet());
        otherDistricts.remove(district);
        for (int i = 0; i < certPairs && !plainCertified.isEmpty() && !plainUncertified.isEmpty(); i++) {
            Worker holder = plainCertified.remove(plainCertified.size() - 1);
            Worker other = plainUncertified.remove(plainUncertified.size() - 1);
            other.borrowedFrom = holder;
            plantedCertTwoIds.add(new Truth.CertPair(holder.entity, other.entity));
        }
        for (int i = 0; i < unverified && !plainUncertified.isEmpty(); i++) {
            Worker w = plainUncertified.remove(plainUncertified.size() - 1);
            w.claimedLevel = LEVELS.get(rng.nextInt(LEVELS.size()));
            w.claimedNo = people.claimedCertificateNumber(rng, 2015 + rng.nextInt(10), w.claimedLevel);
            plantedNotInRegister.add((long) w.entity);
        }
        List<Worker> rest = new ArrayList<>(plainCertified);
        rest.addAll(plainUncertified);
        shuffle(rest, rng);
        for (int i = 0; i < twoCommunities && !rest.isEmpty(); i++) {
            Worker w = rest.remove(rest.size() - 1);
            List<Community> where = communities;
            if (!otherDistricts.isEmpty() && rng.nextInt(5) == 0) {
                where = communitiesByDistrict.get(otherDistricts.get(rng.nextInt(otherDistricts.size())));
            }
            Community second = where.get(rng.nextInt(where.size()));
            if (second.equals(w.home)) {
                continue;
            }
            w.second = second;
            w.secondMonth = rng.nextInt(spec.months());
            plantedTwoCommunities.computeIfAbsent((long) w.entity, k -> new TreeSet<>())
                    .add(periods.get(w.secondMonth).toString());
        }
    }

    /** What is special about a worker, if anything. */
    Map<Long, String> notes() {
        Map<Long, String> notes = new java.util.HashMap<>();
        Map<Integer, Integer> holderOf = new java.util.HashMap<>();
        plantedCertTwoIds.forEach(p -> holderOf.put((int) p.holder(), (int) p.other()));
        for (Worker w : all) {
            List<String> what = new ArrayList<>();
            if (w.registerOnly) {
                what.add("certificate holder on no roster");
            }
            if (w.movedFrom >= 0) {
                what.add("moves to " + w.movedTo.code() + " from " + periods.get(w.movedFrom));
            }
            if (w.secondMonth >= 0) {
                what.add("also on " + w.second.code() + "'s roster in " + periods.get(w.secondMonth));
            }
            if (w.borrowedFrom != null) {
                what.add("D3 also lists this id under #" + w.borrowedFrom.entity + "'s certificate " + w.borrowedFrom.certNo);
            }
            if (holderOf.containsKey(w.entity)) {
                what.add("certificate " + w.certNo + " also registered under #" + holderOf.get(w.entity) + "'s id");
            }
            if (w.claimedNo != null) {
                what.add("roster claims certificate " + w.claimedNo + " that D3 does not hold");
            }
            if (w.rosterFrom > 0 || w.rosterUntil < spec.months()) {
                what.add("on the roster " + periods.get(w.rosterFrom) + " to " + periods.get(w.rosterUntil - 1));
            }
            if (!what.isEmpty()) {
                notes.put((long) w.entity, String.join("; ", what));
            }
        }
        return notes;
    }

    private static int atLeastOne(double expected, SplittableRandom rng) {
        if (expected <= 0) {
            return 0;
        }
        return Math.max(1, (int) Math.floor(expected + rng.nextDouble()));
    }

    private static <T> void shuffle(List<T> items, SplittableRandom rng) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private record Listing(Worker worker, Community community, boolean planted) {
    }

    void writeMonth(StagingWriter writer, int month) {
        YearMonth period = periods.get(month);
        Map<String, List<Listing>> byStreet = new LinkedHashMap<>();
        streets.forEach(s -> byStreet.put(s, new ArrayList<>()));
        for (Worker w : all) {
            if (w.registerOnly || month < w.rosterFrom || month >= w.rosterUntil) {
                continue;
            }
            Community c = w.communityIn(month);
            byStreet.get(c.street().code()).add(new Listing(w, c, false));
            if (w.secondMonth == month) {
                byStreet.get(w.second.street().code()).add(new Listing(w, w.second, true));
            }
        }
        for (Map.Entry<String, List<Listing>> street : byStreet.entrySet()) {
            if (street.getValue().isEmpty()) {
                continue;
            }
            SplittableRandom rng = rng("S3", street.getKey(), period.toString());
            StagingWriter.Sheet sheet = writer.sheet(Table.S3, street.getKey(), period);
            for (Listing listing : street.getValue()) {
                rosterRow(sheet, listing, rng);
            }
            sheet.close();
        }
        for (Map.Entry<String, List<Worker>> district : byDistrict.entrySet()) {
            StagingWriter.Sheet sheet = null;
            for (Worker w : district.getValue()) {
                Worker holder = w.borrowedFrom;
                if (w.certNo == null && holder == null) {
                    continue;
                }
                if (sheet == null) {
                    sheet = writer.sheet(Table.D3, district.getKey(), period);
                }
                if (w.certNo != null) {
                    registerRow(sheet, w, w.certLevel, w.certNo, w.obtainedYear, 0);
                }
                if (holder != null) {
                    registerRow(sheet, w, holder.certLevel, holder.certNo, holder.obtainedYear, RowEntities.PLANTED);
                }
            }
            if (sheet != null) {
                sheet.close();
            }
        }
    }

    private void rosterRow(StagingWriter.Sheet sheet, Listing listing, SplittableRandom rng) {
        Worker w = listing.worker();
        String level;
        String number = null;
        if (w.certNo != null) {
            level = w.certLevel;
            number = w.rosterGivesNo ? w.certNo : null;
        } else if (w.claimedNo != null) {
            level = w.claimedLevel;
            number = w.claimedNo;
        } else {
            level = rng.nextBoolean() ? "无" : null;
        }
        boolean noPhone = w.phone == null || rng.nextDouble() < 0.05;
        sheet.row(w.entity, (listing.planted() ? RowEntities.PLANTED : 0) | (noPhone ? RowEntities.NO_PHONE : 0),
                w.name,
                w.id.hash(),
                w.id.cipher(),
                w.id.masked(),
                rng.nextInt(10) == 0 ? null : w.gender,
                rng.nextInt(10) < 3 ? null : w.birth,
                w.education,
                w.political,
                w.post,
                w.committee,
                w.certNo != null,
                level,
                number,
                listing.community().code(),
                w.hired,
                noPhone ? null : w.phone);
    }

    private static void registerRow(StagingWriter.Sheet sheet, Worker w, String level, String number, int year,
            int tags) {
        String employer = w.registerOnly ? w.home.street().name() + "社会工作服务站" : w.home.name() + "居民委员会";
        sheet.row(w.entity, tags,
                w.name,
                w.id.hash(),
                w.id.cipher(),
                w.id.masked(),
                level,
                number,
                year,
                employer,
                w.home.street().code());
    }
}
