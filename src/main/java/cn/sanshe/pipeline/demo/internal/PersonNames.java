package cn.sanshe.pipeline.demo.internal;

/** Chinese personal names with the surname frequencies of a northern city, roughly. */
final class PersonNames {

    private static final String SURNAMES = "王王王王王李李李李李张张张张张刘刘刘刘陈陈陈杨杨杨赵赵赵黄周周吴吴徐孙孙胡朱高高"
            + "林何郭郭马马罗梁宋宋郑谢韩韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾贾丁魏薛叶阎余潘杜戴夏钟汪"
            + "田田任姜范方石姚谭廖邹熊金陆郝郝孔白崔崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文庞樊"
            + "兰殷施陶翟安颜倪严牛温季俞章鲁葛韦申毕聂焦向柳邢岳齐梅庄辛管祝左谷祁耿靳盛甄项裴卫霍";
    private static final String MALE = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新"
            + "利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚"
            + "庆磊民友裕河哲江超浩亮政谦奇朗宏鸣朋斌梁栋维启克伦翔旭鹏泽晨辰建家致树德行泰盛雄钧冠策腾航";
    private static final String FEMALE = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱"
            + "霞香月媛艳瑞佳嘉琼勤珍莉桂叶璐娅琦晶妍茜秋珊莎锦青倩婷婉娴瑾颖露瑶怡雁蓓仪荷丹蓉君琴蕊薇菁梦"
            + "岚婕馨韵园艺卿澜纯悦冰爽茗羽欣滢筠柔凝晓欢枫芸菲宜可舒丽";

    private PersonNames() {
    }

    static String name(Rng rng, boolean male) {
        String given = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder();
        name.append(rng.chance(0.01) ? "欧阳" : String.valueOf(rng.pick(SURNAMES)));
        name.append(rng.pick(given));
        if (rng.chance(0.72)) {
            name.append(rng.pick(given));
        }
        return name.toString();
    }

    static String anyone(Rng rng) {
        return name(rng, rng.chance(0.5));
    }
}
