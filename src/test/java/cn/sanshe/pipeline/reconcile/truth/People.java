package cn.sanshe.pipeline.reconcile.truth;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Personal names and the national identifiers of the truth set, each issued once. */
final class People {

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
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final Set<String> issued = new HashSet<>();
    private int certificates;
    private int claimedCertificates = 900_000;

    static String name(SplittableRandom rng, boolean male) {
        String given = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder();
        name.append(rng.nextInt(100) == 0 ? "欧阳" : String.valueOf(SURNAMES.charAt(rng.nextInt(SURNAMES.length()))));
        name.append(given.charAt(rng.nextInt(given.length())));
        if (rng.nextInt(100) < 72) {
            name.append(given.charAt(rng.nextInt(given.length())));
        }
        return name.toString();
    }

    static String anyone(SplittableRandom rng) {
        return name(rng, rng.nextBoolean());
    }

    /** A mobile number nobody else has. */
    String phone(SplittableRandom rng) {
        while (true) {
            String phone = "1" + "3456789".charAt(rng.nextInt(7)) + String.format(Locale.ROOT, "%09d",
                    rng.nextInt(1_000_000_000));
            if (issued.add(phone)) {
                return phone;
            }
        }
    }

    /** 51 social group, 52 private non-enterprise unit, 53 foundation; the district; MJ…; check. */
    String creditCode(SplittableRandom rng, String registeredType, String district) {
        char kind = switch (registeredType) {
            case "社会团体" -> '1';
            case "基金会" -> '3';
            default -> '2';
        };
        while (true) {
            String first17 = "5" + kind + district + "MJ" + String.format(Locale.ROOT, "%06d", rng.nextInt(1_000_000))
                    + CREDIT_ALPHABET.charAt(rng.nextInt(CREDIT_ALPHABET.length()));
            String code = first17 + CreditCode.checkCharacter(first17);
            if (issued.add(code)) {
                return code;
            }
        }
    }

    /** GB 11643, in its normalised 18-character form (what ingest stores for 15-digit or x input too). */
    String identityNumber(SplittableRandom rng, String district, LocalDate birth, boolean male) {
        while (true) {
            int last = rng.nextInt(5) * 2 + (male ? 1 : 0);
            String first17 = district + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format(Locale.ROOT, "%02d", rng.nextInt(100)) + last;
            String id = first17 + IdentityNumber.checkCharacter(first17);
            if (issued.add(id)) {
                return id;
            }
        }
    }

    /** Year, level digit, province 13, running number: unique per certificate. */
    String certificateNumber(SplittableRandom rng, int year, String level) {
        certificates += 1 + rng.nextInt(3);
        return year + "" + levelDigit(level) + "13" + String.format(Locale.ROOT, "%06d", certificates);
    }

    /** The same shape, from a range no real certificate has: what a roster claims without cover. */
    String claimedCertificateNumber(SplittableRandom rng, int year, String level) {
        claimedCertificates += 1 + rng.nextInt(3);
        return year + "" + levelDigit(level) + "13" + String.format(Locale.ROOT, "%06d", claimedCertificates);
    }

    private static int levelDigit(String level) {
        return switch (level) {
            case "社会工作师" -> 2;
            case "高级社会工作师" -> 3;
            default -> 1;
        };
    }
}
