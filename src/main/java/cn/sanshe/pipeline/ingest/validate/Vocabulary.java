package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.ingest.template.ValueKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words clerks use for a vocabulary's canonical values (sources.md's "also …" and their
 * obvious kin). A synonym only counts when its canonical value is accepted in the column.
 */
final class Vocabulary {

    private static final Map<ValueKind, Map<String, String>> SYNONYMS = Map.of(
            ValueKind.GENDER, Map.of("男性", "男", "女性", "女"),
            ValueKind.URBAN_RURAL, Map.ofEntries(
                    Map.entry("城市社区", "urban"), Map.entry("城市", "urban"), Map.entry("居委会", "urban"),
                    Map.entry("社区居委会", "urban"), Map.entry("居民委员会", "urban"), Map.entry("城镇", "urban"),
                    Map.entry("农村社区", "rural"), Map.entry("农村", "rural"), Map.entry("村委会", "rural"),
                    Map.entry("村民委员会", "rural")),
            ValueKind.REG_STATUS, Map.of("登记", "已登记", "备案", "已备案"),
            ValueKind.REGISTRY_STATUS, Map.of("已注销", "注销", "已撤销", "撤销", "撤销登记", "撤销"),
            ValueKind.ORG_TYPE, Map.of("社会服务机构", "民办非企业单位", "民非", "民办非企业单位", "社团", "社会团体"),
            ValueKind.EDUCATION, Map.ofEntries(
                    Map.entry("初中", "初中及以下"), Map.entry("小学", "初中及以下"), Map.entry("普通高中", "高中"),
                    Map.entry("职高", "高中"), Map.entry("中等专科", "中专"), Map.entry("大学专科", "大专"),
                    Map.entry("专科", "大专"), Map.entry("大学本科", "本科"), Map.entry("研究生", "硕士研究生"),
                    Map.entry("硕士", "硕士研究生"), Map.entry("博士", "博士研究生")),
            ValueKind.POLITICAL_STATUS, Map.ofEntries(
                    Map.entry("党员", "中共党员"), Map.entry("中国共产党党员", "中共党员"),
                    Map.entry("预备党员", "中共预备党员"), Map.entry("中国共产党预备党员", "中共预备党员"),
                    Map.entry("团员", "共青团员"), Map.entry("中国共产主义青年团团员", "共青团员"),
                    Map.entry("民革党员", "民革会员"), Map.entry("民建党员", "民建会员"), Map.entry("民进党员", "民进会员"),
                    Map.entry("农工党员", "农工党党员"), Map.entry("致公党员", "致公党党员"),
                    Map.entry("九三学社", "九三学社社员"), Map.entry("无党派", "无党派人士"),
                    Map.entry("中国国民党革命委员会会员", "民革会员"), Map.entry("中国民主同盟盟员", "民盟盟员"),
                    Map.entry("中国民主建国会会员", "民建会员"), Map.entry("中国民主促进会会员", "民进会员"),
                    Map.entry("中国农工民主党党员", "农工党党员"), Map.entry("中国致公党党员", "致公党党员"),
                    Map.entry("台湾民主自治同盟盟员", "台盟盟员")),
            ValueKind.CERT_LEVEL, Map.of("初级", "助理社会工作师", "助理社工师", "助理社会工作师",
                    "中级", "社会工作师", "社工师", "社会工作师", "高级", "高级社会工作师", "高级社工师", "高级社会工作师",
                    "未持证", "无", "无证", "无"),
            ValueKind.INCUBATOR_LEVEL, Map.of("县级", "区级", "区县级", "区级", "县区级", "区级",
                    "乡镇级", "街道级", "街镇级", "街道级"));

    private Vocabulary() {
    }

    /** The accepted values as a clerk would type them, for a reason. */
    static List<String> display(ValueKind kind, List<String> accepted) {
        return kind == ValueKind.URBAN_RURAL
                ? accepted.stream().map(v -> "urban".equals(v) ? "城市社区" : "农村社区").toList() : accepted;
    }

    /** The canonical value a cell names, if the column accepts it. */
    static Optional<String> canonical(ValueKind kind, List<String> accepted, String raw) {
        String text = Values.compact(raw);
        String value = accepted.contains(text) ? text : SYNONYMS.getOrDefault(kind, Map.of()).get(text);
        return value != null && accepted.contains(value) ? Optional.of(value) : Optional.empty();
    }
}
