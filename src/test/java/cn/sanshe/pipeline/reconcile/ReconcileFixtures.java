package cn.sanshe.pipeline.reconcile;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.IngestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/** A small city month by month, sent as clerks send it, for whole-job reconcile tests. */
final class ReconcileFixtures {

    static final String STREET = "130102001";
    static final String DISTRICT = "130102";
    static final String C1 = "130102001001";
    static final String C2 = "130102001002";
    static final String CREDIT_A = credit("MA0000011");
    static final String CREDIT_B = credit("MA0000029");
    static final String CREDIT_C = credit("MA0000037");

    private ReconcileFixtures() {
    }

    static String credit(String organisation) {
        String first17 = "52130102" + organisation;
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String id(int n) {
        String first17 = "1301021985" + String.format("%02d", 1 + n % 12) + "15" + String.format("%03d", 2 * n + 1);
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    static void clear(JdbcTemplate jdbc) {
        for (String table : new String[] {"org_review", "master_apart", "master_override", "master_field_source", "worker_cert_no",
            "org_master_asof", "worker_master_asof",
            "reconcile_conflict", "steward_decision", "org_source", "worker_source", "org_master", "worker_master"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    static void write(Path inbox, String period, String unit, String name, String csv) throws Exception {
        Path file = inbox.resolve(period).resolve(unit).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /** September and October: the cases of identifiers.md and the issue, each once. */
    static void twoMonths(Path inbox, IngestRun ingest) throws Exception {
        for (String period : new String[] {"2026-09", "2026-10"}) {
            boolean october = period.equals("2026-10");
            write(inbox, period, DISTRICT, "登记社会组织名录.csv", """
                    统一社会信用代码,组织名称,组织类型,登记状态,法定代表人
                    %s,石家庄市长安区阳光助老服务中心,民办非企业单位,正常,张敏
                    %s,长安区青少年发展促进会,社会团体,%s,李强
                    """.formatted(CREDIT_A, CREDIT_B, october ? "注销" : "正常")
                    // In October the filed 老年协会 registers: its registration must join its master.
                    + (october ? CREDIT_C + ",石家庄市长安区阳光社区老年协会,社会团体,正常,王芳\n" : ""));
            write(inbox, period, STREET, "社会组织台账.csv", """
                    组织名称,统一社会信用代码,登记状态,组织类型,服务领域,负责人,联系电话,所属社区代码
                    阳光助老服务中心,%s,已登记,民办非企业单位,养老服务,张敏,13912345678,%s
                    长安区青少年发展促进会,%s,已登记,社会团体,儿童,李强,13700000001,%s
                    %s,,已备案,社区社会组织,文体活动,王芳,13800001111,%s
                    阳光社区舞蹈队,,已备案,社区社会组织,文体活动,赵六,13600002222,%s
                    """.formatted(CREDIT_A, C1, CREDIT_B, C1, october ? "杨光社区老年协会" : "阳光社区老年协会", C1, C1)
                    + (october ? "阳光社区老协会,,已备案,社区社会组织,文体活动,王芳,13900009999," + C1 + "\n" : ""));
            write(inbox, period, STREET, "花名册.csv", """
                    姓名,身份证号,性别,学历,职务,社工证等级,证书编号,所属社区代码
                    张伟,%s,男,本科,主任,社会工作师,ZS001,%s
                    李明,%s,男,大专,委员,助理社会工作师,ZS999,%s
                    王刚,%s,男,本科,社工,无,,%s
                    """.formatted(id(1), C1, id(2), C1, id(3), C1)
                    + (october ? "王刚," + id(3) + ",男,本科,社工,无,," + C2 + "\n" : ""));
            write(inbox, period, DISTRICT, "持证名录.csv", """
                    姓名,身份证号,证书等级,证书编号
                    张伟,%s,社会工作师,ZS001
                    赵强,%s,助理社会工作师,ZS002
                    孙强,%s,助理社会工作师,ZS002
                    """.formatted(id(1), id(4), id(5)));
        }
        ingest.inbox(inbox, null);
    }
}
