package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Ten months (2026-01 to 2026-10) of one district's files, as its clerks would send them, with the
 * changes of a year in them. Written for any of three districts of 南宁市 with the same content, so
 * one database holds the same year loaded three ways; identity numbers and credit codes carry the
 * district's code, so no two districts share a person or an organization.
 *
 * <p>Two streets of three communities (the last one rural). What changes, and when:
 * <ul>
 * <li>a filed organization (阳光志愿服务队) registers in June: on the ledger with a credit code, and
 *     in the district's registry;
 * <li>an organization's rating goes from 2A to 3A in July;
 * <li>an organization becomes a social-work agency (是否社工机构 是) in April;
 * <li>a worker is certified in June (in the register D3 from then on);
 * <li>a worker leaves after July (off the roster from August);
 * <li>a community's facility opens in June (area 0 → 260 m²);
 * <li>a late file: street 2's April ledger comes with May's files, its month only in the title;
 * <li>a stale title: street 1's September profile says 2026年8月 above rows whose 统计月份 is 2026-09;
 * <li>a resubmission: street 1's March roster is sent again, corrected (a worker was missing).
 * </ul>
 * Every file names its month in a title (or a 统计月份 column), so no two months' files are the
 * same bytes: ingest loads a file's bytes once, under the month of the folder they first came in
 * (identical files of two months loaded latest month first would leave the earlier month without
 * them: a known limit of copy detection, outside what this test is about).
 */
final class TenMonthsInbox {

    static final String PROVINCE = "450000000000";
    static final String CITY = "450100000000";
    static final int MONTHS = 10;
    static final String[] STREET_NAMES = {"新竹街道", "中山街道"};
    static final String[] COMMUNITY_NAMES = {"东葛社区", "竹溪社区", "长湖村", "南湖社区", "桃源社区", "津头村"};

    private final String district;

    TenMonthsInbox(String district) {
        this.district = district;
    }

    static String month(int m) {
        return String.format("2026-%02d", m);
    }

    static String divisionsCsv(List<String[]> districts) {
        StringBuilder csv = new StringBuilder("code,name,level,parent_code,urban_rural\n");
        csv.append(PROVINCE).append(",广西壮族自治区,province,,\n").append(CITY).append(",南宁市,city,").append(PROVINCE)
                .append(",\n");
        for (String[] d : districts) {
            TenMonthsInbox inbox = new TenMonthsInbox(d[0]);
            csv.append(d[0]).append("000000,").append(d[1]).append(",district,").append(CITY).append(",\n");
            for (int s = 0; s < 2; s++) {
                csv.append(inbox.street(s)).append("000,").append(STREET_NAMES[s]).append(",street,").append(d[0])
                        .append("000000,\n");
                for (int c = 0; c < 3; c++) {
                    csv.append(inbox.community(s, c)).append(',').append(COMMUNITY_NAMES[s * 3 + c])
                            .append(",community,").append(inbox.street(s)).append("000,")
                            .append(c == 2 ? "rural" : "urban").append('\n');
                }
            }
        }
        return csv.toString();
    }

    String street(int s) {
        return district + String.format("%03d", s + 1);
    }

    String community(int s, int c) {
        return street(s) + String.format("%03d", c + 1);
    }

    String credit(int n) {
        String first17 = "52" + district + "MJ" + String.format("%07d", n);
        return first17 + CreditCode.checkCharacter(first17);
    }

    String id(int n) {
        String first17 = district + "1986" + String.format("%02d", 1 + n % 12) + "1" + (n % 9) + String.format("%03d", 2 * n + 1);
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    /** Writes folder {@code <inbox>/<month m>/}: every file dropped that month. */
    void write(Path inbox, int m) throws IOException {
        String month = month(m);
        long base = 1_767_225_600_000L + (long) m * 30 * 86_400_000L;   // a file time in the month after, in order
        for (int s = 0; s < 2; s++) {
            // S1: 统计月份 on every row; street 1's September profile keeps August's title (a copied workbook).
            int titleMonth = s == 0 && m == 9 ? 8 : m;
            StringBuilder s1 = new StringBuilder(STREET_NAMES[s] + "社区基本情况表（2026年" + titleMonth + "月）\n"
                    + "社区代码,社区名称,城乡类型,户数,常住人口,综合服务设施面积,统计月份\n");
            for (int c = 0; c < 3; c++) {
                boolean opensInJune = s == 1 && c == 1;
                String area = opensInJune && m < 6 ? "0" : String.valueOf(180 + 40 * c);
                s1.append(community(s, c)).append(',').append(COMMUNITY_NAMES[s * 3 + c]).append(',')
                        .append(c == 2 ? "农村社区" : "城市社区").append(',').append(900 + 100 * c + 10 * m + s).append(',')
                        .append(c == 2 ? 3200 : 2500 + 100 * c).append(',').append(area).append(',').append(month)
                        .append('\n');
            }
            drop(inbox, month, street(s), "社区基本情况.csv", s1.toString(), base);

            // S2: the month only in the title. Street 2's April ledger is late: it comes with May's files.
            if (!(s == 1 && m == 4)) {
                drop(inbox, month, street(s), "社会组织台账.csv", ledger(s, m), base);
            }
            if (s == 1 && m == 5) {
                drop(inbox, month, street(s), "社会组织台账-4月补报.csv", ledger(s, 4), base + 60_000);
            }

            // S3: street 1's March roster is resent, corrected, a little later.
            if (s == 0 && m == 3) {
                drop(inbox, month, street(s), "花名册.csv", roster(s, m, true), base);
                drop(inbox, month, street(s), "花名册-更正.csv", roster(s, m, false), base + 3_600_000);
            } else {
                drop(inbox, month, street(s), "花名册.csv", roster(s, m, false), base);
            }
        }
        drop(inbox, month, district, "登记社会组织名录.csv", registry(m), base);
        drop(inbox, month, district, "持证名录.csv", register(m), base);
    }

    private String ledger(int s, int m) {
        StringBuilder csv = new StringBuilder(STREET_NAMES[s] + "社区社会组织台账（2026年" + m + "月）\n"
                + "组织名称,统一社会信用代码,登记状态,组织类型,服务领域,所属社区代码,评估等级,是否社工机构\n");
        if (s == 0) {
            if (m < 6) {
                csv.append("阳光志愿服务队,,已备案,社区社会组织,志愿服务,").append(community(0, 0)).append(",,否\n");
            } else {
                csv.append("阳光志愿服务队,").append(credit(1)).append(",已登记,社会团体,志愿服务,").append(community(0, 0))
                        .append(",,否\n");
            }
            csv.append("助老服务中心,").append(credit(2)).append(",已登记,民办非企业单位,养老服务,").append(community(0, 1))
                    .append(',').append(m < 7 ? "2A" : "3A").append(",否\n");
            csv.append("心航社会工作服务中心,").append(credit(3)).append(",已登记,民办非企业单位,社会工作,")
                    .append(community(0, 2)).append(",3A,").append(m < 4 ? "否" : "是").append('\n');
            csv.append("书香读书会,,已备案,社区社会组织,文体活动,").append(community(0, 1)).append(",,否\n");
        } else {
            csv.append("夕阳红合唱团,,已备案,社区社会组织,文体活动,").append(community(1, 0)).append(",,否\n");
            if (m >= 4) {
                csv.append("广场舞蹈队,,已备案,社区社会组织,文体活动,").append(community(1, 1)).append(",,否\n");
            }
        }
        return csv.toString();
    }

    private String roster(int s, int m, boolean missingOne) {
        StringBuilder csv = new StringBuilder(STREET_NAMES[s] + "社区工作者花名册（2026年" + m + "月）\n"
                + "姓名,身份证号,学历,职务,是否居委会成员,社会工作专业岗位,社工证等级,证书编号,所属社区代码\n");
        List<String> rows = new ArrayList<>();
        if (s == 0) {
            rows.add("张伟," + id(1) + ",本科,主任,是,是,社会工作师,Z" + district + "01," + community(0, 0));
            rows.add("李娜," + id(2) + ",大专,委员,是,是," + (m < 6 ? "无,," : "助理社会工作师,Z" + district + "02,")
                    + community(0, 0));
            if (m <= 7) {
                rows.add("王强," + id(3) + ",高中,网格员,否,否,无,," + community(0, 1));
            }
            if (!missingOne) {
                rows.add("赵敏," + id(4) + ",本科,委员,是,是,无,," + community(0, 2));
            }
        } else {
            rows.add("陈静," + id(5) + ",硕士研究生,书记,是,是,社会工作师,Z" + district + "05," + community(1, 0));
            rows.add("刘洋," + id(6) + ",中专,社工,否,是,无,," + community(1, 2));
        }
        rows.forEach(row -> csv.append(row).append('\n'));
        return csv.toString();
    }

    private String registry(int m) {
        StringBuilder csv = new StringBuilder("登记社会组织名录（2026年" + m + "月）\n"
                + "统一社会信用代码,组织名称,组织类型,登记状态,所属社区代码,评估等级,是否社工机构\n");
        if (m >= 6) {
            csv.append(credit(1)).append(",阳光志愿服务队,社会团体,正常,").append(community(0, 0)).append(",,否\n");
        }
        csv.append(credit(2)).append(",助老服务中心,民办非企业单位,正常,").append(community(0, 1)).append(',')
                .append(m < 7 ? "2A" : "3A").append(",否\n");
        csv.append(credit(3)).append(",心航社会工作服务中心,民办非企业单位,正常,").append(community(0, 2)).append(",3A,")
                .append(m < 4 ? "否" : "是").append('\n');
        csv.append(credit(4)).append(",邕城公益基金会,基金会,正常,").append(community(1, 0)).append(",4A,否\n");
        return csv.toString();
    }

    private String register(int m) {
        StringBuilder csv = new StringBuilder("社会工作者持证名录（2026年" + m + "月）\n姓名,身份证号,证书等级,证书编号\n");
        csv.append("张伟,").append(id(1)).append(",社会工作师,Z").append(district).append("01\n");
        csv.append("陈静,").append(id(5)).append(",社会工作师,Z").append(district).append("05\n");
        if (m >= 6) {
            csv.append("李娜,").append(id(2)).append(",助理社会工作师,Z").append(district).append("02\n");
        }
        return csv.toString();
    }

    private static void drop(Path inbox, String month, String unit, String name, String text, long time)
            throws IOException {
        Path file = inbox.resolve(month).resolve(unit).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\ufeff" + text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(time));
    }
}
