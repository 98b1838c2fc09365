package cn.sanshe.pipeline.reconcile.truth;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Organization names as streets and registries write them, and the slips they make.
 *
 * <p>A name is the community + a core (a warm word + what the group does), or for some registered
 * ones the core with the community in brackets. The core is unique within a district, so that two
 * real organizations never share a normalised name there (identifiers.md rule 2 would merge them,
 * and rightly). Every noisy form is checked against a district-wide index of normalised names, in
 * the most aggressive normalisation reconcile could use (place names dropped, community too): a
 * slip that would produce another organization's name is not made.
 */
final class OrgNames {

    record Activity(String word, String domain, String registeredType, boolean agency) {
    }

    static final List<Activity> FILED = List.of(
            new Activity("老年协会", "养老服务", "社会团体", false),
            new Activity("助老服务队", "养老服务", "社会团体", false),
            new Activity("志愿服务队", "公益慈善", "社会团体", false),
            new Activity("爱心帮扶队", "公益慈善", "社会团体", false),
            new Activity("舞蹈队", "文体活动", "社会团体", false),
            new Activity("合唱团", "文体活动", "社会团体", false),
            new Activity("太极拳协会", "文体活动", "社会团体", false),
            new Activity("书画社", "文体活动", "社会团体", false),
            new Activity("读书会", "教育", "社会团体", false),
            new Activity("四点半课堂", "儿童", "民办非企业单位", false),
            new Activity("儿童成长营", "儿童", "民办非企业单位", false),
            new Activity("家长学校", "教育", "民办非企业单位", false),
            new Activity("助残服务队", "助残", "社会团体", false),
            new Activity("心理疏导小组", "心理", "社会团体", false),
            new Activity("邻里互助会", "邻里互助", "社会团体", false),
            new Activity("平安巡逻队", "邻里互助", "社会团体", false),
            new Activity("矫正帮教小组", "社区矫正", "社会团体", false),
            new Activity("环保志愿队", "公益慈善", "社会团体", false),
            new Activity("秧歌队", "文体活动", "社会团体", false),
            new Activity("京剧票友会", "文体活动", "社会团体", false),
            new Activity("摄影协会", "文体活动", "社会团体", false),
            new Activity("健身队", "文体活动", "社会团体", false),
            new Activity("棋牌协会", "文体活动", "社会团体", false),
            new Activity("调解委员会", "邻里互助", "社会团体", false));

    static final List<Activity> REGISTERED = List.of(
            new Activity("居家养老服务中心", "养老服务", "民办非企业单位", false),
            new Activity("日间照料中心", "养老服务", "民办非企业单位", false),
            new Activity("社会工作服务中心", "公益慈善", "民办非企业单位", true),
            new Activity("青少年社会工作服务中心", "儿童", "民办非企业单位", true),
            new Activity("心理咨询服务中心", "心理", "民办非企业单位", false),
            new Activity("残疾人康复服务中心", "助残", "民办非企业单位", false),
            new Activity("文化体育协会", "文体活动", "社会团体", false),
            new Activity("志愿者协会", "公益慈善", "社会团体", false),
            new Activity("老年人协会", "养老服务", "社会团体", false),
            new Activity("公益基金会", "公益慈善", "基金会", false));

    static final List<Activity> DISTRICT_LEVEL = List.of(
            new Activity("社会工作服务中心", "公益慈善", "民办非企业单位", true),
            new Activity("社工事务所", "心理", "民办非企业单位", true),
            new Activity("慈善协会", "公益慈善", "社会团体", false),
            new Activity("家政服务中心", "养老服务", "民办非企业单位", false),
            new Activity("职业培训中心", "教育", "民办非企业单位", false));

    /** A different group a community often has beside the first: one word more, or a second team. */
    static final Map<String, String> LOOK_ALIKE = Map.ofEntries(
            Map.entry("老年协会", "老年书画协会"), Map.entry("舞蹈队", "舞蹈二队"), Map.entry("合唱团", "老年合唱团"),
            Map.entry("志愿服务队", "青年志愿服务队"), Map.entry("读书会", "亲子读书会"), Map.entry("书画社", "书画研究社"),
            Map.entry("太极拳协会", "太极拳剑协会"), Map.entry("健身队", "健身二队"), Map.entry("秧歌队", "腰鼓秧歌队"),
            Map.entry("邻里互助会", "邻里互助服务会"), Map.entry("助老服务队", "助老服务二队"),
            Map.entry("摄影协会", "摄影书画协会"), Map.entry("平安巡逻队", "平安义务巡逻队"));

    private static final List<String> WORDS = List.of("夕阳红", "银龄", "同心", "暖阳", "向日葵", "爱心", "和美", "乐龄",
            "红枫", "春晖", "邻里情", "益家", "彩虹", "朝阳", "康乐", "晨曦", "金秋", "百合", "馨家", "启航", "善行", "友邻",
            "绿荫", "书香", "明德", "和谐", "映山红", "常青藤", "七彩", "阳光", "蒲公英", "红烛", "睦邻", "安康", "惠民", "筑梦",
            "同行", "点亮", "聚力", "悦享", "家园", "温馨", "长青", "暖心", "春风", "丹枫", "青松", "翠竹", "玉兰", "海棠",
            "紫藤", "福寿", "乐善", "仁爱", "和睦", "康宁", "欣悦", "锦程", "春雨", "金色年华");

    /** Homophones (同音字) of the characters names are made of, as a pinyin input method offers them. */
    static final Map<Character, String> HOMOPHONES = homophones(
            "阳杨扬洋", "光广", "和合河禾", "谐协鞋", "家佳嘉加", "园圆源元", "爱艾", "心新欣馨", "老姥", "年念", "协谐",
            "会汇惠", "志智至", "愿院原", "服福", "务物悟", "队对兑", "舞五午武", "蹈到道", "唱畅倡", "书舒抒", "画话化华",
            "社设射", "读独", "红洪宏虹", "金今津", "秋丘", "晨辰臣", "曦希西", "康慷", "安鞍", "美每", "同童铜", "晖辉挥",
            "龄玲灵铃", "暖", "彩采", "朝潮", "百柏佰", "启起", "航杭", "善扇", "友有", "邻林临", "里理李", "情晴清",
            "荫阴音", "香乡相", "明名鸣", "德得", "常长尝", "青清轻", "藤腾", "七期", "蒲葡", "公功工", "英鹰", "烛竹",
            "睦木幕", "惠慧", "筑助住", "梦孟", "行形型", "点典", "亮量", "聚巨具", "力立利", "悦越", "享想响", "太泰",
            "极及集", "拳全泉", "助住祝", "残蚕", "疏书", "导岛", "互护户", "平评萍", "巡寻循", "矫娇", "正政证",
            "帮邦", "教叫", "环还", "保宝", "儿尔", "成城诚", "营迎赢", "课克客", "堂唐塘", "校效", "银吟", "枫峰丰风",
            "松颂", "竹烛", "兰蓝", "海", "寿受", "仁人", "睦", "宁凝", "欣新", "锦谨", "程成", "雨语", "色", "华化",
            "温文", "馨新", "春纯", "风丰", "丹单", "福富", "紫子", "玉遇", "棠唐", "票", "友", "剧据", "摄", "影颖",
            "棋旗", "牌排", "调", "解姐", "委伟", "员园元", "秧央", "歌哥", "健建", "身深", "环", "保", "照", "料");

    private static Map<Character, String> homophones(String... groups) {
        Map<Character, String> table = new HashMap<>();
        for (String group : groups) {
            if (group.length() > 1) {
                table.put(group.charAt(0), group.substring(1));
            }
        }
        return table;
    }

    /** Cores handed out per district, and every normalised name in use → its organization. */
    private final Map<String, Set<String>> coresByDistrict = new HashMap<>();
    private final Map<String, Map<String, Integer>> ownerByDistrict = new HashMap<>();

    /** A word + activity not yet used in the district; null when the district has run out. */
    String core(SplittableRandom rng, String district, String activity) {
        Set<String> used = coresByDistrict.computeIfAbsent(district, k -> new HashSet<>());
        for (int attempt = 0; attempt < 400; attempt++) {
            String word = WORDS.get(rng.nextInt(WORDS.size()));
            String core;
            if (attempt < 20) {
                core = word + activity;
            } else {
                String second = WORDS.get(rng.nextInt(WORDS.size()));
                if (second.equals(word)) {
                    continue;
                }
                core = word + second + activity;
            }
            if (used.add(core)) {
                return core;
            }
        }
        return null;
    }

    /** Claims an exact core (a look-alike's); false when the district already has it. */
    boolean claimCore(String district, String core) {
        return coresByDistrict.computeIfAbsent(district, k -> new HashSet<>()).add(core);
    }

    /**
     * Claims a name's normalised form for an organization: true when it is free or already its
     * own, false when another organization of the district has it.
     */
    boolean claim(String district, String name, List<String> places, int entity) {
        Integer owner = ownerByDistrict.computeIfAbsent(district, k -> new HashMap<>())
                .putIfAbsent(key(name, places), entity);
        return owner == null || owner == entity;
    }

    /**
     * The most aggressive normal form reconcile may use: NFKC, no spaces, punctuation or brackets,
     * leading place names (city, district, street, community) dropped, repeatedly.
     */
    static String key(String name, List<String> places) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        String key = kept.toString();
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (String place : places) {
                if (!place.isEmpty() && key.startsWith(place) && key.length() > place.length()) {
                    key = key.substring(place.length());
                    dropped = true;
                }
            }
        }
        return key;
    }

    /** One character of the core replaced by a homophone; null when no character has one. */
    static String homophone(SplittableRandom rng, String name, String core) {
        int at = name.indexOf(core);
        int[] candidates = new int[core.length()];
        int n = 0;
        for (int i = 0; i < core.length(); i++) {
            if (HOMOPHONES.containsKey(core.charAt(i))) {
                candidates[n++] = i;
            }
        }
        if (at < 0 || n == 0) {
            return null;
        }
        int i = candidates[rng.nextInt(n)];
        String options = HOMOPHONES.get(core.charAt(i));
        char replacement = options.charAt(rng.nextInt(options.length()));
        return name.substring(0, at + i) + replacement + name.substring(at + i + 1);
    }

    /** One character of the core added (a repeat or a filler), dropped, or swapped with the next. */
    static String edit(SplittableRandom rng, String name, String core) {
        int at = name.indexOf(core);
        if (at < 0 || core.length() < 4) {
            return null;
        }
        StringBuilder out = new StringBuilder(name);
        switch (rng.nextInt(3)) {
            case 0 -> {
                int i = 1 + rng.nextInt(core.length() - 1);
                char added = rng.nextBoolean() ? core.charAt(i - 1) : "人之新区会".charAt(rng.nextInt(5));
                out.insert(at + i, added);
            }
            case 1 -> out.deleteCharAt(at + rng.nextInt(core.length()));
            default -> {
                int i = rng.nextInt(core.length() - 1);
                char a = core.charAt(i);
                char b = core.charAt(i + 1);
                if (a == b) {
                    return null;
                }
                out.setCharAt(at + i, b);
                out.setCharAt(at + i + 1, a);
            }
        }
        return out.toString();
    }

    /** Brackets of the other width if it has any, else a space (half- or full-width) inside. */
    static String spacing(SplittableRandom rng, String name) {
        if (name.indexOf('（') >= 0 && rng.nextBoolean()) {
            return name.replace('（', '(').replace('）', ')');
        }
        if (name.indexOf('(') >= 0 && rng.nextBoolean()) {
            return name.replace('(', '（').replace(')', '）');
        }
        int i = 1 + rng.nextInt(name.length() - 1);
        return name.substring(0, i) + (rng.nextBoolean() ? " " : "\u3000") + name.substring(i);
    }
}
