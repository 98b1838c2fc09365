package cn.sanshe.pipeline.ingest.validate;

import cn.sanshe.pipeline.identifiers.CreditCode;
import cn.sanshe.pipeline.identifiers.IdentityNumber;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.template.ColumnSpec;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small city for row tests: district 130102 with streets 001 and 002, a neighbouring district
 * 130104; rows of each template that pass, to be spoilt one cell at a time.
 */
final class Sheets {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final String STREET = "130102001";
    static final String DISTRICT = "130102";

    static final Set<String> DIVISIONS = Set.of("130102000000", "130102001000", "130102001001", "130102001002",
            "130102002000", "130102002001", "130104000000", "130104001000", "130104001001");

    /** Born 1990-01-01, male. */
    static final String ID_MALE = id("13010219900101001");
    /** Born 1985-06-15, female. */
    static final String ID_FEMALE = id("13010219850615002");
    static final String CREDIT = credit("51130102MJ1234567");

    private static final TemplateCatalog CATALOG = TemplateCatalog.standard();

    private Sheets() {
    }

    static String id(String first17) {
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    static String credit(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    static ValidationContext streetContext() {
        return new ValidationContext(PERIOD, TODAY, DIVISIONS::contains, STREET);
    }

    static ValidationContext districtContext() {
        return new ValidationContext(PERIOD, TODAY, DIVISIONS::contains, DISTRICT);
    }

    static ValidationContext contextFor(TemplateId id) {
        return id.fromDistrict() ? districtContext() : streetContext();
    }

    /** The template's header row with its canonical headers, as row 1. */
    static HeaderMatch header(TemplateId id) {
        List<String> headers = CATALOG.template(id).columns().stream().map(ColumnSpec::header).toList();
        return CATALOG.recognise(new SheetRow(1, headers)).orElseThrow();
    }

    /** A row that passes every rule. */
    static Map<String, String> good(TemplateId id) {
        return new LinkedHashMap<>(switch (id) {
            case S1 -> ordered("community_code", "130102001001", "community_name", "阳光社区", "urban_rural", "城市社区",
                    "households", "1,234", "population", "3456", "facility_area", "650.5", "grids", "6",
                    "volunteers", "120", "period", "2026-10");
            case S2 -> ordered("org_name", "阳光社区老年协会", "credit_code", CREDIT, "reg_status", "已登记", "filing_no", "",
                    "org_type", "社会团体", "service_domain", "养老服务", "person_in_charge", "王芳",
                    "phone", "13800138000", "community_code", "130102001001", "founded_on", "2019-03-05",
                    "rating", "3A级", "is_sw_agency", "否");
            case S3 -> ordered("name", "张三", "id_number", ID_MALE, "gender", "男", "birth_date", "1990-01-01",
                    "education", "本科", "political_status", "中共党员", "post", "社工", "is_committee", "是",
                    "is_sw_post", "是", "cert_level", "社会工作师", "cert_no", "2019030001",
                    "community_code", "130102001001", "hired_on", "2019/3/5", "phone", "0311-86012345");
            case S4 -> ordered("street_code", "130102001000", "street_name", "建北街道", "centre_built", "是",
                    "centre_area", "800", "opened_on", "2019年3月5日");
            case D1 -> ordered("credit_code", CREDIT, "org_name", "长安区阳光社区老年协会", "org_type", "社会服务机构",
                    "registered_on", "20190305", "reg_status", "正常", "legal_rep", "王芳", "address", "长安区建设北大街1号",
                    "community_code", "130102001001", "rating", "AAA", "is_sw_agency", "是");
            case D2 -> ordered("name", "长安区社会组织孵化基地", "level", "县级", "district_code", "130102", "street_code", "",
                    "area", "1,200", "opened_on", "2019.3", "operator_credit_code", CREDIT, "in_incubation", "12",
                    "cumulative", "40", "graduated", "28");
            case D3 -> ordered("name", "李四", "id_number", ID_FEMALE, "cert_level", "助理社会工作师", "cert_no", "2019-1234",
                    "obtained_year", "2019年", "employer", "长安区阳光社工服务中心", "street_code", "130102001");
        });
    }

    /** The good row with some cells replaced (column id, value, …). */
    static Map<String, String> with(TemplateId id, String... replacements) {
        Map<String, String> cells = good(id);
        for (int i = 0; i < replacements.length; i += 2) {
            cells.put(replacements[i], replacements[i + 1]);
        }
        return cells;
    }

    /** The cells in the header's column positions, as row 2. */
    static SheetRow row(HeaderMatch match, Map<String, String> cells) {
        int width = match.columnIndex().values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<String> out = new ArrayList<>(Collections.nCopies(width, ""));
        cells.forEach((column, value) -> out.set(match.columnIndex().get(column), value));
        return new SheetRow(2, out);
    }

    static SheetRow row(String... cells) {
        return new SheetRow(2, List.of(cells));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
