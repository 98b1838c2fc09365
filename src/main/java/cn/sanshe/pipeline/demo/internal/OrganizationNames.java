package cn.sanshe.pipeline.demo.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organization names as they are really formed: community + a warm word + what the group does.
 * The core (word + activity) is kept unique within a district, so that matching by normalised
 * name within a district (identifiers.md) never merges two real organizations by accident.
 */
final class OrganizationNames {

    record Kind(String word, String domain, String registeredType, boolean agency) {
    }

    static final List<Kind> FILED = List.of(
            new Kind("老年协会", "养老服务", "社会团体", false),
            new Kind("助老服务队", "养老服务", "社会团体", false),
            new Kind("志愿服务队", "公益慈善", "社会团体", false),
            new Kind("爱心帮扶队", "公益慈善", "社会团体", false),
            new Kind("舞蹈队", "文体活动", "社会团体", false),
            new Kind("合唱团", "文体活动", "社会团体", false),
            new Kind("太极拳协会", "文体活动", "社会团体", false),
            new Kind("书画社", "文体活动", "社会团体", false),
            new Kind("读书会", "教育", "社会团体", false),
            new Kind("四点半课堂", "儿童", "民办非企业单位", false),
            new Kind("儿童成长营", "儿童", "民办非企业单位", false),
            new Kind("家长学校", "教育", "民办非企业单位", false),
            new Kind("助残服务队", "助残", "社会团体", false),
            new Kind("心理疏导小组", "心理", "社会团体", false),
            new Kind("邻里互助会", "邻里互助", "社会团体", false),
            new Kind("平安巡逻队", "邻里互助", "社会团体", false),
            new Kind("矫正帮教小组", "社区矫正", "社会团体", false),
            new Kind("环保志愿队", "公益慈善", "社会团体", false));

    static final List<Kind> REGISTERED = List.of(
            new Kind("居家养老服务中心", "养老服务", "民办非企业单位", false),
            new Kind("日间照料中心", "养老服务", "民办非企业单位", false),
            new Kind("社会工作服务中心", "公益慈善", "民办非企业单位", true),
            new Kind("青少年社会工作服务中心", "儿童", "民办非企业单位", true),
            new Kind("心理咨询服务中心", "心理", "民办非企业单位", false),
            new Kind("残疾人康复服务中心", "助残", "民办非企业单位", false),
            new Kind("文化体育协会", "文体活动", "社会团体", false),
            new Kind("志愿者协会", "公益慈善", "社会团体", false),
            new Kind("老年人协会", "养老服务", "社会团体", false));

    static final Kind FOUNDATION = new Kind("公益基金会", "公益慈善", "基金会", false);

    private static final List<String> WORDS = List.of("夕阳红", "银龄", "同心", "暖阳", "向日葵", "爱心", "和美",
            "乐龄", "红枫", "春晖", "邻里情", "益家", "彩虹", "朝阳", "康乐", "晨曦", "金秋", "百合", "馨家", "启航",
            "善行", "友邻", "绿荫", "书香", "明德", "和谐", "映山红", "常青藤", "七彩", "阳光", "蒲公英", "红烛",
            "睦邻", "安康", "惠民", "筑梦", "同行", "点亮", "聚力", "悦享");

    private static final Map<String, List<String>> ROADS = Map.of(
            "长安区", List.of("建设北大街", "中山东路", "和平东路", "育才街", "青园街", "谈固北大街", "胜利北街", "广安大街"),
            "桥西区", List.of("中山西路", "自强路", "新石北路", "维明南大街", "友谊南大街", "红旗大街", "裕华西路"),
            "新华区", List.of("和平西路", "新华路", "北二环西路", "友谊北大街", "民族路", "朝阳路", "合作路"),
            "裕华区", List.of("槐安东路", "裕华东路", "体育南大街", "建华南大街", "东岗路", "翟营南大街", "槐中路"));
    private static final List<String> ANY_ROADS = List.of("建设路", "人民路", "解放路", "和平路", "新华路");

    private final Map<String, Set<String>> coresByDistrict = new java.util.HashMap<>();

    /** A word + activity not yet used in the district. */
    String core(Rng rng, String district6, String activity) {
        Set<String> used = coresByDistrict.computeIfAbsent(district6, k -> new HashSet<>());
        for (int attempt = 0; ; attempt++) {
            String word = rng.pick(WORDS);
            String core = attempt < 40 ? word + activity : word + rng.pick(WORDS) + activity;
            if (used.add(core)) {
                return core;
            }
        }
    }

    static String address(Rng rng, String districtName) {
        return districtName + rng.pick(ROADS.getOrDefault(districtName, ANY_ROADS)) + rng.between(1, 399) + "号";
    }
}
