package cn.sanshe.pipeline.console;

import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.IngestFixtures;
import cn.sanshe.pipeline.ingest.IngestRun;
import cn.sanshe.pipeline.reconcile.ReconcileRun;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small city for the console tests, sent as clerks send it: two streets of 长安区 (建北 A, 青园 B)
 * and a street of 桥西区 (东里, the other district). Each street has rejected roster rows, a
 * doubtful duplicate pair or two, and conflicts; a worker on the rosters of both streets makes a
 * conflict that is the district's.
 */
final class ConsoleCity {

    static final String PERIOD = "2026-10";
    static final String DISTRICT = "130102";
    static final String STREET_A = "130102001";
    static final String STREET_B = "130102002";
    static final String OTHER_DISTRICT = "130104";
    static final String OTHER_STREET = "130104001";
    static final String CITY = "1301";
    static final String PASSWORD = "console-test-pw";

    /** Every identity number the data holds in full (valid or not): none may appear on a page. */
    static final List<String> IDENTITY_NUMBERS = new ArrayList<>();

    /** A number with a wrong check character: rejected, and its raw cell still holds it in full. */
    static final String BAD_ID = "13010219850115001" + (IdentityNumber.checkCharacter("13010219850115001") == '1' ? '2' : '1');

    private ConsoleCity() {
    }

    static String id(int n) {
        String first17 = "1301021985" + String.format("%02d", 1 + n % 12) + "15" + String.format("%03d", 2 * n + 1);
        String id = first17 + IdentityNumber.checkCharacter(first17);
        if (!IDENTITY_NUMBERS.contains(id)) {
            IDENTITY_NUMBERS.add(id);
        }
        return id;
    }

    static void build(JdbcTemplate jdbc, DivisionLoader divisions, IngestRun ingest, ReconcileRun reconcile, Path inbox)
            throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
        for (String table : new String[] {"org_review", "master_apart", "master_override", "master_field_source",
            "worker_cert_no", "reconcile_conflict", "steward_decision", "org_source", "worker_source", "org_master",
            "worker_master", "console_user"}) {
            jdbc.update("DELETE FROM " + table);
        }
        if (!IDENTITY_NUMBERS.contains(BAD_ID)) {
            IDENTITY_NUMBERS.add(BAD_ID);
        }
        String roster = "姓名,身份证号,性别,学历,职务,社工证等级,证书编号,所属社区代码\n";
        String ledger = "组织名称,统一社会信用代码,登记状态,组织类型,服务领域,负责人,联系电话,所属社区代码\n";
        write(inbox, STREET_A, "社会组织台账.csv", ledger + """
                阳光社区老年协会,,已备案,社区社会组织,文体活动,王芳,13800001111,130102001001
                阳光社区老协会,,已备案,社区社会组织,文体活动,王芳,13900009999,130102001001
                阳光社区舞蹈队,,已备案,社区社会组织,文体活动,赵六,13600002222,130102001002
                阳光社区舞蹈团,,已备案,社区社会组织,文体活动,赵六,13600003333,130102001002
                """);
        write(inbox, STREET_A, "花名册.csv", roster + """
                张伟,%s,男,本科,主任,无,,130102001001
                李明,%s,男,大专,委员,无,,130102001001
                李明,%s,男,大专,委员,无,,130102001002
                王刚,%s,男,本科,社工,无,,130102001001
                赵强,%s,男,本科,社工,无,,130102001999
                孙强,%s,男,本科,社工,无,,130102001998
                周强,%s,男,本科,社工,无,,130102001997
                吴强,%s,男,本科,社工,无,,130102001001
                """.formatted(id(1), id(2), id(2), id(3), id(4), id(5), id(6), BAD_ID));
        write(inbox, STREET_B, "社会组织台账.csv", ledger + """
                康乐社区读书会,,已备案,社区社会组织,文化,钱七,13500001111,130102002001
                康乐社区读书社,,已备案,社区社会组织,文化,钱七,13500002222,130102002001
                """);
        write(inbox, STREET_B, "花名册.csv", roster + """
                王刚,%s,男,本科,社工,无,,130102002001
                郑强,%s,男,本科,社工,无,,130102002999
                何强,%s,男,本科,社工,无,,130102002001
                何强,%s,男,本科,社工,无,,130102002002
                """.formatted(id(3), id(7), id(10), id(10)));
        write(inbox, OTHER_STREET, "社会组织台账.csv", ledger + """
                瑞祥社区合唱团,,已备案,社区社会组织,文体活动,孙八,13300001111,130104001001
                瑞祥社区合唱队,,已备案,社区社会组织,文体活动,孙八,13300002222,130104001001
                """);
        write(inbox, OTHER_STREET, "花名册.csv", roster + """
                冯强,%s,男,本科,社工,无,,130104001001
                冯强,%s,男,本科,社工,无,,130104001002
                陈强,%s,男,本科,社工,无,,130104001999
                """.formatted(id(8), id(8), id(9)));
        if (!ingest.inbox(inbox, null).outcome().succeeded()) {
            throw new IllegalStateException("console city did not ingest");
        }
        if (!reconcile.run(null).succeeded()) {
            throw new IllegalStateException("console city did not reconcile");
        }
    }

    static void users(ConsoleUsers users) {
        for (Role role : Role.values()) {
            for (Map.Entry<String, String> where : JURISDICTIONS.entrySet()) {
                users.add(userName(role, where.getKey()), role, new Jurisdiction(where.getValue()), PASSWORD, false);
            }
        }
    }

    /** The jurisdictions of the matrix: two streets of one district, the district, another district, the city. */
    static final Map<String, String> JURISDICTIONS = new java.util.LinkedHashMap<>(Map.of());

    static {
        JURISDICTIONS.put("streetA", STREET_A);
        JURISDICTIONS.put("streetB", STREET_B);
        JURISDICTIONS.put("district", DISTRICT);
        JURISDICTIONS.put("otherDistrict", OTHER_DISTRICT);
        JURISDICTIONS.put("city", CITY);
    }

    static String userName(Role role, String where) {
        return role.name().toLowerCase() + "-" + where;
    }

    private static void write(Path inbox, String unit, String name, String csv) throws Exception {
        Path file = inbox.resolve(PERIOD).resolve(unit).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}
