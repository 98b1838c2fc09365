package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A country of community-governance data at a scale factor: 1.0 is about 100,000 communities in
 * about 3,000 streets and 400 districts (four districts a city, provinces from the real two-digit
 * codes), each community with about 4 organizations on its street's ledger (S2) and 8 workers on
 * its roster (S3); a quarter of the organizations registered (so in the district's D1) and a
 * quarter of the workers certified (in D3). Three months give about 1.5 M organization rows and
 * 3 M worker rows.
 *
 * <p>Nothing is held: every unit, organization and worker is a pure function of the seed and its
 * position (keyed SplitMix hashes), computed when its file is written, so memory stays flat at any
 * scale and the same seed always gives the same country. Identity numbers are unique by
 * construction (within a district each worker gets a birth date of their own), credit codes and
 * certificate numbers by their district and index.
 */
final class NationalScenario {

    /** The 31 provincial codes of GB/T 2260 and their names, in code order. */
    private static final String[][] PROVINCES = {{"11", "北京市"}, {"12", "天津市"}, {"13", "河北省"}, {"14", "山西省"},
        {"15", "内蒙古自治区"}, {"21", "辽宁省"}, {"22", "吉林省"}, {"23", "黑龙江省"}, {"31", "上海市"}, {"32", "江苏省"},
        {"33", "浙江省"}, {"34", "安徽省"}, {"35", "福建省"}, {"36", "江西省"}, {"37", "山东省"}, {"41", "河南省"},
        {"42", "湖北省"}, {"43", "湖南省"}, {"44", "广东省"}, {"45", "广西壮族自治区"}, {"46", "海南省"}, {"50", "重庆市"},
        {"51", "四川省"}, {"52", "贵州省"}, {"53", "云南省"}, {"54", "西藏自治区"}, {"61", "陕西省"}, {"62", "甘肃省"},
        {"63", "青海省"}, {"64", "宁夏回族自治区"}, {"65", "新疆维吾尔自治区"}};
    /** Syllables place names are made of (all in GBK). */
    private static final String SYLLABLES = "安宁平和兴华光明新民东西南北中长丰盛泰康福寿春秋山河湖海林园桥城清源永乐"
            + "广德文昌龙凤金玉青松柏桂兰阳星月云天";
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚建华文红志海燕春梅子涵雨桐浩然一诺";
    private static final String[] ORG_KINDS = {"老年协会", "志愿服务队", "文体队", "调解委员会", "书画社", "邻里互助会",
        "助残服务社", "儿童之家", "红白理事会", "健身队", "巾帼志愿队", "读书会"};
    private static final String[] DOMAINS = {"为老服务", "文体娱乐", "志愿服务", "矛盾调解", "助残服务", "儿童服务"};
    private static final String[] EDUCATION = {"本科", "大专", "本科", "高中", "中专", "硕士研究生", "大学本科", "大专"};
    private static final String[] POLITICAL = {"中共党员", "群众", "中共党员", "共青团员", "群众", "党员", "群众", "群众"};
    private static final String[] POSTS = {"书记", "主任", "副主任", "委员", "专职工作者", "专职工作者", "网格员", "社工"};
    private static final String[] CERT_LEVELS = {"助理社会工作师", "助理社会工作师", "社会工作师", "高级社会工作师"};
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1956, 1, 1);
    /** Days 1956-01-01 … 2005-12-31; the multiplier is prime to it, so birth days are distinct per district. */
    private static final int BIRTH_DAYS = 18_262;
    private static final int BIRTH_STRIDE = 7_919;
    /** Rows of a community's index: at most this many organizations and workers (with the months' newcomers). */
    static final int MAX_PER_COMMUNITY = 16;
    /** One row in this many on a roster carries a mistyped identity number (a wrong check character). */
    static final int BAD_ID_EVERY = 997;

    private final double scale;
    private final long seed;
    private final int districts;
    private final int cities;
    private final int provinces;

    NationalScenario(double scale, long seed) {
        if (scale <= 0 || scale > 4) {
            throw new IllegalArgumentException("scale must be in (0, 4]: " + scale);
        }
        this.scale = scale;
        this.seed = seed;
        this.districts = Math.max(2, (int) Math.round(400 * scale));
        this.cities = (districts + 3) / 4;
        this.provinces = Math.max(Math.min(2, cities), Math.min(PROVINCES.length, (int) Math.round(31 * scale)));
    }

    double scale() {
        return scale;
    }

    record Unit(String code12, String name, String level, String parent12) {
    }

    record District(int index, String code6, String name, String cityName, int streets) {
    }

    record Street(District district, int index, String code9, String name, int communities) {
    }

    record Community(Street street, int index, String code12, String name, boolean rural, int ordinalInDistrict) {
    }

    record Organization(Community community, int index, String name, String legalName, boolean registered,
            String creditCode, String type, String domain, String person, String phone, LocalDate founded,
            YearMonth from) {
    }

    record Worker(Community community, int index, String name, String idNumber, String gender, LocalDate birth,
            String education, String political, String post, boolean committee, boolean swPost, String certLevel,
            String certNo, int certYear, String phone, LocalDate hired, YearMonth from) {
    }

    // ---- divisions ------------------------------------------------------------------------------

    int districtCount() {
        return districts;
    }

    List<Unit> provinces() {
        List<Unit> out = new ArrayList<>();
        for (int p = 0; p < provinces; p++) {
            out.add(new Unit(PROVINCES[p][0] + "0000000000", PROVINCES[p][1], "province", null));
        }
        return out;
    }

    private int provinceOfCity(int city) {
        return (int) ((long) city * provinces / cities);
    }

    /** The cities of every province, numbered 01… within their province. */
    List<Unit> cities() {
        List<Unit> out = new ArrayList<>();
        for (int c = 0; c < cities; c++) {
            out.add(new Unit(cityCode4(c) + "00000000", cityName(c), "city", PROVINCES[provinceOfCity(c)][0] + "0000000000"));
        }
        return out;
    }

    private String cityCode4(int city) {
        int p = provinceOfCity(city);
        int first = 0;
        while (first < city && provinceOfCity(city - first - 1) == p) {
            first++;
        }
        return PROVINCES[p][0] + String.format(Locale.ROOT, "%02d", first + 1);
    }

    private String cityName(int city) {
        return place(city, 11) + "市";
    }

    District district(int d) {
        int city = d / 4;
        String code6 = cityCode4(city) + String.format(Locale.ROOT, "%02d", d % 4 + 2);
        long h = hash(1, d);
        String name = place(d, 29) + (h % 5 == 0 ? "县" : "区");
        return new District(d, code6, name, cityName(city), 7 + (int) (h >>> 8 & 1));
    }

    Street street(District district, int s) {
        long h = hash(2, district.index(), s);
        String name = place(district.index() * 16 + s, 37) + (h % 4 == 0 ? "镇" : "街道");
        return new Street(district, s, district.code6() + String.format(Locale.ROOT, "%03d", s + 1), name,
                25 + (int) ((h >>> 8) % 17));
    }

    /** Communities are numbered in their district, so a worker's position fits GB 11643's birth-day space. */
    Community community(Street street, int c) {
        long h = hash(3, street.district().index(), street.index(), c);
        boolean rural = h % 10 < 3;
        String name = place(street.index() * 64 + c, 41) + (rural ? "村" : "社区");
        int ordinal = street.index() * 64 + c;
        return new Community(street, c, street.code9() + String.format(Locale.ROOT, "%03d", c + 1), name, rural,
                ordinal);
    }

    List<Street> streets(District district) {
        List<Street> out = new ArrayList<>();
        for (int s = 0; s < district.streets(); s++) {
            out.add(street(district, s));
        }
        return out;
    }

    List<Community> communities(Street street) {
        List<Community> out = new ArrayList<>();
        for (int c = 0; c < street.communities(); c++) {
            out.add(community(street, c));
        }
        return out;
    }

    /** Two syllables, distinct for distinct {@code i} below the square of the syllables. */
    private static String place(int i, int salt) {
        int n = SYLLABLES.length();
        int k = Math.floorMod(i * 7 + salt * 131, n * n);
        return "" + SYLLABLES.charAt(k % n) + SYLLABLES.charAt(k / n);
    }

    // ---- organizations and workers ---------------------------------------------------------------

    /** Organizations a community has ever had (on the ledger from their {@code from} month). */
    List<Organization> organizations(Community community, YearMonth first) {
        long base = hash(4, community.street().district().index(), community.ordinalInDistrict());
        int count = 2 + (int) (base % 5) + (int) (base >>> 8 & 1);   // 2–6 from the first month, 1 newcomer half the time
        List<Organization> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long h = hash(5, community.street().district().index(), community.ordinalInDistrict(), k);
            YearMonth from = k < count - (base >>> 8 & 1) ? first : first.plusMonths(1 + (h >>> 40) % 2);
            String kind = ORG_KINDS[(int) ((base + k) % ORG_KINDS.length)];
            String name = community.name() + kind;
            boolean registered = h % 4 == 0;
            String type = registered ? (h >>> 4 & 1) == 0 ? "社会团体" : "民办非企业单位" : "社区社会组织";
            String credit = registered ? creditCode(community, k, type) : null;
            LocalDate founded = LocalDate.of(2005, 1, 1).plusDays((h >>> 10) % 7000);
            out.add(new Organization(community, k, name, community.street().name() + name, registered, credit, type,
                    DOMAINS[(int) ((h >>> 20) % DOMAINS.length)], person(h >>> 24), phone(h >>> 30), founded, from));
        }
        return out;
    }

    private static String creditCode(Community community, int k, String type) {
        String first17 = "5" + ("社会团体".equals(type) ? '1' : '2') + community.street().district().code6() + "MJ"
                + String.format(Locale.ROOT, "%06d", community.ordinalInDistrict() * MAX_PER_COMMUNITY + k) + "0";
        return first17 + CreditCode.checkCharacter(first17);
    }

    List<Worker> workers(Community community, YearMonth first) {
        long base = hash(6, community.street().district().index(), community.ordinalInDistrict());
        int count = 6 + (int) (base % 5) + (int) (base >>> 8 & 1);   // 6–10 from the first month, a newcomer half the time
        List<Worker> out = new ArrayList<>(count);
        String district6 = community.street().district().code6();
        for (int k = 0; k < count; k++) {
            long h = hash(7, community.street().district().index(), community.ordinalInDistrict(), k);
            YearMonth from = k < count - (base >>> 8 & 1) ? first : first.plusMonths(1 + (h >>> 40) % 2);
            int position = community.ordinalInDistrict() * MAX_PER_COMMUNITY + k;
            LocalDate birth = FIRST_BIRTH.plusDays((long) position * BIRTH_STRIDE % BIRTH_DAYS);
            boolean male = (h & 1) == 1;
            int sequence = (int) ((h >>> 1) % 100) * 10 + (int) ((h >>> 8) % 5) * 2 + (male ? 1 : 0);
            String first17 = district6 + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(),
                    birth.getMonthValue(), birth.getDayOfMonth(), sequence);
            String id = first17 + IdentityNumber.checkCharacter(first17);
            boolean certified = (h >>> 12) % 4 == 0;
            String level = certified ? CERT_LEVELS[(int) ((h >>> 14) % CERT_LEVELS.length)] : "无";
            int certYear = 2010 + (int) ((h >>> 18) % 15);
            String certNo = certified ? "Z" + district6 + String.format(Locale.ROOT, "%06d", position) : null;
            String post = k == 0 ? "书记" : k == 1 ? "主任" : POSTS[(int) ((h >>> 22) % POSTS.length)];
            out.add(new Worker(community, k, person(h >>> 26), id, male ? "男" : "女", birth,
                    EDUCATION[(int) ((h >>> 32) % EDUCATION.length)], POLITICAL[(int) ((h >>> 35) % POLITICAL.length)],
                    post, k < 3, (h >>> 38 & 1) == 0, level, certNo, certYear, phone(h >>> 41),
                    LocalDate.of(2012, 1, 1).plusDays((h >>> 44) % 4000), from));
        }
        return out;
    }

    /** One roster row in {@link #BAD_ID_EVERY} has its check character wrong, as a clerk mistypes it. */
    boolean mistyped(Worker worker, YearMonth month) {
        long h = hash(8, worker.community().street().district().index(), worker.community().ordinalInDistrict(),
                worker.index(), month.getYear() * 12L + month.getMonthValue());
        return h % BAD_ID_EVERY == 0;
    }

    static String mistype(String id) {
        char check = id.charAt(17);
        char other = check == '0' ? '1' : check == 'X' ? '2' : (char) (check == '9' ? 'X' : check + 1);
        return id.substring(0, 17) + other;
    }

    private static String person(long h) {
        return "" + SURNAMES.charAt((int) (h % SURNAMES.length())) + GIVEN.charAt((int) ((h >>> 6) % GIVEN.length()))
                + ((h >>> 12) % 3 == 0 ? "" : String.valueOf(GIVEN.charAt((int) ((h >>> 14) % GIVEN.length()))));
    }

    private static String phone(long h) {
        return "1" + "3456789".charAt((int) (h % 7)) + String.format(Locale.ROOT, "%09d", (h >>> 3) % 1_000_000_000L);
    }

    long hash(long... parts) {
        long z = seed;
        for (long part : parts) {
            z = mix(z ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return z >>> 1;   // non-negative, so % is a plain remainder
    }

    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
