package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every community worker the demo city will ever have. Each community has a fixed set of posts;
 * a post's holder may leave during the window and be replaced, which is how rosters change.
 */
final class WorkerPool {

    private static final List<String> POSTS = List.of("书记", "主任", "副书记", "副主任", "委员", "专职工作者", "社工", "网格员");
    private static final List<String> EDUCATION = List.of("初中及以下", "高中", "中专", "大专", "本科", "硕士研究生");
    private static final List<String> LEVELS = List.of("助理社会工作师", "社会工作师", "高级社会工作师");

    private final long seed;
    private final Codes codes;
    final Map<String, List<Worker>> byStreet = new LinkedHashMap<>();
    final Map<String, List<Certificate>> outsiders = new LinkedHashMap<>();

    WorkerPool(Geography geography, long seed, Codes codes, Map<String, List<Organization>> districtOrgs) {
        this.seed = seed;
        this.codes = codes;
        for (District d : geography.districts()) {
            for (Street s : d.streets()) {
                List<Worker> workers = new ArrayList<>();
                s.communities().forEach(c -> workers.addAll(community(d, c)));
                byStreet.put(s.code(), List.copyOf(workers));
            }
            outsiders.put(d.code(), outsiders(d, districtOrgs.get(d.code())));
        }
    }

    private List<Worker> community(District d, Community c) {
        Rng rng = Rng.of(seed, "workers", c.code());
        int slots = rng.between(5, 9);
        List<Worker> out = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            int rank = switch (i) {
                case 0, 1 -> i;
                case 2 -> rng.between(2, 3);
                case 3 -> 4;
                default -> List.of(4, 5, 5, 6, 7, 7).get(rng.between(0, 5));
            };
            String key = c.code() + "-" + i;
            YearMonth leaves = rng.chance(0.18) ? rng.monthBetween(DemoClock.CHURN_FROM, DemoClock.CHURN_TO) : null;
            out.add(worker(rng, d, c, key + "a", rank, null, leaves));
            if (leaves != null) {
                // A vacancy of a month is common before the replacement starts.
                out.add(worker(rng, d, c, key + "b", rank, rng.chance(0.7) ? leaves : leaves.plusMonths(1), null));
            }
        }
        return out;
    }

    private Worker worker(Rng rng, District d, Community c, String key, int rank, YearMonth from, YearMonth until) {
        String post = POSTS.get(rank);
        boolean lead = rank <= 1;
        boolean male = rng.chance(lead ? 0.5 : 0.35);
        int age = lead ? rng.between(35, 58) : rng.between(23, 52);
        LocalDate birth = DemoClock.ANCHOR_DAY.minusYears(age).minusDays(rng.between(0, 364));
        String id = codes.identityNumber(rng, d.code(), birth, male);
        String education = EDUCATION.get(c.rural() ? rng.weighted(8, 20, 14, 30, 26, 2) : rng.weighted(1, 6, 6, 32, 48, 7));
        String politics = lead ? "中共党员" : List.of("中共党员", "群众", "共青团员", "中共预备党员", "民主党派")
                .get(rng.weighted(40, 38, age <= 28 ? 20 : 2, 4, 2));
        int levelIndex = rng.weighted(62, 27, 10, 1) - 1;
        String level = levelIndex < 0 ? null : LEVELS.get(levelIndex);
        int certYear = 0;
        String certNumber = null;
        if (level != null) {
            int latest = from == null ? 2025 : Math.min(2025, from.getYear());
            certYear = rng.between(Math.min(latest, Math.max(2009, birth.getYear() + 22)), latest);
            certNumber = codes.certificateNumber(rng, certYear, level);
        }
        boolean socialWorkPost = "社工".equals(post) || (level != null && "专职工作者".equals(post) && rng.chance(0.5));
        LocalDate hired = from != null ? from.atDay(rng.between(1, 28))
                : rng.dateBetween(later(birth.plusYears(21), LocalDate.of(2006, 1, 1)), LocalDate.of(2024, 12, 31));
        return new Worker(key, c.code(), c.streetCode(), d.code(), PersonNames.name(rng, male), id, birth,
                male ? "男" : "女", education, politics, post, rank, rank <= 4, socialWorkPost, level, certNumber,
                certYear, hired, rng.mobile(), from, until, birth.getYear() < 2000 && rng.chance(0.04),
                id.endsWith("X") && rng.chance(0.5));
    }

    /** Certified people the district knows who work for agencies, not on any community roster. */
    private List<Certificate> outsiders(District d, List<Organization> districtOrgs) {
        Rng rng = Rng.of(seed, "outsiders", d.code());
        List<Organization> agencies = districtOrgs.stream()
                .filter(o -> o.socialWorkAgency() && o.deregisteredOn() == null).toList();
        List<Certificate> out = new ArrayList<>();
        int count = rng.between(4, 8);
        for (int i = 0; i < count; i++) {
            boolean male = rng.chance(0.35);
            LocalDate birth = DemoClock.ANCHOR_DAY.minusYears(rng.between(24, 50)).minusDays(rng.between(0, 364));
            String level = LEVELS.get(rng.weighted(55, 38, 7));
            int year = rng.between(Math.min(2025, Math.max(2010, birth.getYear() + 22)), 2025);
            String street = rng.chance(0.5) ? null : Rng.of(seed, "outsider-street", d.code(), i)
                    .pick(d.streets()).code();
            out.add(new Certificate(PersonNames.name(rng, male), codes.identityNumber(rng, d.code(), birth, male),
                    level, codes.certificateNumber(rng, year, level), year,
                    agencies.isEmpty() ? d.name() + "民政局" : rng.pick(agencies).registryName(), street));
        }
        return List.copyOf(out);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
