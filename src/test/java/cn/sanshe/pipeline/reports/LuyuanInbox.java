package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.identifiers.CreditCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lüyuan district (绿园区, seed 001) as its clerks would send it: 6 streets, 58 urban communities;
 * the district registry (D1) with 157 registered organizations (118 private non-enterprise units,
 * 18 of them under the newer name 社会服务机构, and 39 social groups); each street's ledger (S2)
 * with its 130 filed organizations and 100 of the registered ones again. The raw rows hold
 * duplicates that only reconciliation removes: registered organizations on both lists (names
 * written differently, same credit code) and 20 filed ones listed twice by their street, once
 * with the city, district and street names in front. 407 organization rows, 287 organizations.
 */
final class LuyuanInbox {

    static final String DISTRICT = "220106";
    static final String SCOPE = "220106000000";
    static final String[] STREETS = {"正阳街道", "春城街道", "青年路街道", "普阳街道", "铁西街道", "林园街道"};
    static final int[] COMMUNITIES = {10, 10, 10, 10, 9, 9};
    static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    static final String[] WORDS = {"阳光", "和谐", "幸福", "温馨", "康乐", "友爱", "同心", "爱心", "启航", "晨曦", "春晖", "金秋",
        "邻里", "夕阳红", "向日葵"};
    static final String[] FILED = {"志愿服务队", "老年协会", "文体活动队", "助残服务社", "儿童之家", "调解会", "读书会", "合唱团",
        "书画社", "健身队"};
    static final String[] REGISTERED = {"养老服务中心", "社会工作服务中心", "青少年服务中心", "康复服务中心", "家庭服务中心", "心理咨询中心",
        "教育培训中心", "公益发展中心", "残疾人服务中心", "文化发展中心", "社区服务中心"};

    static final int ROWS = 157 + 100 + 130 + 20;
    static final int ORGANIZATIONS = 287;

    private LuyuanInbox() {
    }

    static String divisionsCsv() {
        StringBuilder csv = new StringBuilder("code,name,level,parent_code,urban_rural\n");
        csv.append("220000000000,吉林省,province,,\n220100000000,长春市,city,220000000000,\n");
        csv.append(SCOPE).append(",绿园区,district,220100000000,\n");
        for (int s = 0; s < STREETS.length; s++) {
            String street = street(s);
            csv.append(street).append("000,").append(STREETS[s]).append(",street,").append(SCOPE).append(",\n");
            for (int c = 0; c < COMMUNITIES[s]; c++) {
                csv.append(community(s, c)).append(',').append(communityName(s, c)).append(",community,")
                        .append(street).append("000,urban\n");
            }
        }
        return csv.toString();
    }

    static String street(int s) {
        return DISTRICT + String.format("%03d", s + 1);
    }

    static String community(int s, int c) {
        return street(s) + String.format("%03d", c + 1);
    }

    static String communityName(int s, int c) {
        return STREETS[s].replace("街道", "") + NUMERALS[c] + "社区";
    }

    /** The n-th of the 58 communities, street by street. */
    static int[] nthCommunity(int n) {
        int left = n % 58;
        for (int s = 0; s < STREETS.length; s++) {
            if (left < COMMUNITIES[s]) {
                return new int[] {s, left};
            }
            left -= COMMUNITIES[s];
        }
        throw new IllegalStateException();
    }

    static String creditCode(int i) {
        char kind = i < 118 ? '2' : '1';
        String first17 = "5" + kind + DISTRICT + "MJ" + String.format("%07d", i);
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String registeredName(int i) {
        return "绿园区" + WORDS[i % WORDS.length] + REGISTERED[i / WORDS.length];
    }

    static String type(int i) {
        return i < 100 ? "民办非企业单位" : i < 118 ? "社会服务机构" : "社会团体";
    }

    /**
     * Writes the month's files under {@code inbox/<month>/<unit>/}; {@code badRows} more ledger rows
     * per street that must be rejected (a registered organization with a wrong check character, one
     * without a name), 2 per street.
     */
    static void write(Path inbox, String month, boolean badRows) throws IOException {
        StringBuilder d1 = new StringBuilder("统一社会信用代码,组织名称,组织类型,登记状态,所属社区代码\n");
        for (int i = 0; i < 157; i++) {
            int[] at = nthCommunity(i);
            d1.append(creditCode(i)).append(',').append(registeredName(i)).append(',').append(type(i))
                    .append(",正常,").append(community(at[0], at[1])).append('\n');
        }
        write(inbox.resolve(month).resolve(DISTRICT).resolve("绿园区登记社会组织名录.csv"), d1.toString());

        List<StringBuilder> ledgers = new ArrayList<>();
        for (int s = 0; s < STREETS.length; s++) {
            ledgers.add(new StringBuilder("组织名称,统一社会信用代码,登记状态,组织类型,服务领域,所属社区代码\n"));
        }
        for (int i = 0; i < 100; i++) {
            int[] at = nthCommunity(i);
            // the street writes the name without the district and with full-width brackets
            ledgers.get(at[0]).append(registeredName(i).replace("绿园区", "") + "（" + STREETS[at[0]] + "）").append(',')
                    .append(creditCode(i)).append(",已登记,").append(type(i)).append(",养老服务,")
                    .append(community(at[0], at[1])).append('\n');
        }
        for (int i = 0; i < 130; i++) {
            int[] at = nthCommunity(i + 3);
            String name = WORDS[i % WORDS.length] + FILED[i / WORDS.length];
            ledgers.get(at[0]).append(name).append(",,已备案,社区社会组织,文体活动,").append(community(at[0], at[1]))
                    .append('\n');
            if (i < 20) {
                ledgers.get(at[0]).append("长春市绿园区" + STREETS[at[0]]).append(name)
                        .append(",,备案,,,").append(community(at[0], at[1])).append('\n');
            }
        }
        if (badRows) {
            for (int s = 0; s < STREETS.length; s++) {
                String code = creditCode(200 + s);
                String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
                ledgers.get(s).append("错误校验位服务中心").append(s).append(',').append(wrong)
                        .append(",已登记,民办非企业单位,,").append(community(s, 0)).append('\n');
                ledgers.get(s).append(",,已备案,社区社会组织,,").append(community(s, 1)).append('\n');
            }
        }
        for (int s = 0; s < STREETS.length; s++) {
            write(inbox.resolve(month).resolve(street(s)).resolve(STREETS[s] + "社会组织台账.csv"),
                    ledgers.get(s).toString());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\ufeff" + text, StandardCharsets.UTF_8);
    }
}
