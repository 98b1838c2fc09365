package cn.sanshe.pipeline.ingest.template;

import static cn.sanshe.pipeline.ingest.template.ColumnSpec.of;
import static cn.sanshe.pipeline.ingest.template.ValueKind.CERT_LEVEL;
import static cn.sanshe.pipeline.ingest.template.ValueKind.COMMUNITY_CODE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.CREDIT_CODE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.DATE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.DECIMAL;
import static cn.sanshe.pipeline.ingest.template.ValueKind.DISTRICT_CODE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.EDUCATION;
import static cn.sanshe.pipeline.ingest.template.ValueKind.GENDER;
import static cn.sanshe.pipeline.ingest.template.ValueKind.ID_NUMBER;
import static cn.sanshe.pipeline.ingest.template.ValueKind.INCUBATOR_LEVEL;
import static cn.sanshe.pipeline.ingest.template.ValueKind.INTEGER;
import static cn.sanshe.pipeline.ingest.template.ValueKind.NAME;
import static cn.sanshe.pipeline.ingest.template.ValueKind.ORG_TYPE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.PERIOD;
import static cn.sanshe.pipeline.ingest.template.ValueKind.PHONE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.POLITICAL_STATUS;
import static cn.sanshe.pipeline.ingest.template.ValueKind.POSITIVE_DECIMAL;
import static cn.sanshe.pipeline.ingest.template.ValueKind.POST;
import static cn.sanshe.pipeline.ingest.template.ValueKind.RATING;
import static cn.sanshe.pipeline.ingest.template.ValueKind.REGISTRY_STATUS;
import static cn.sanshe.pipeline.ingest.template.ValueKind.REG_STATUS;
import static cn.sanshe.pipeline.ingest.template.ValueKind.STREET_CODE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.TEXT;
import static cn.sanshe.pipeline.ingest.template.ValueKind.URBAN_RURAL;
import static cn.sanshe.pipeline.ingest.template.ValueKind.YEAR_OR_DATE;
import static cn.sanshe.pipeline.ingest.template.ValueKind.YES_NO;

import java.util.List;

/**
 * The seven templates exactly as sources.md lists them. Aliases after the contract's own are the
 * obvious variants clerks type (marked "also"); unit and note suffixes need no alias, they are
 * dropped when headers are matched.
 */
final class StandardTemplates {

    private StandardTemplates() {
    }

    static List<Template> all() {
        return List.of(s1(), s2(), s3(), s4(), d1(), d2(), d3());
    }

    private static Template s1() {
        return new Template(TemplateId.S1, List.of(
                of("community_code", "社区代码", true, COMMUNITY_CODE, "社区编码", "区划代码", "社区(村)代码", "统计用区划代码",
                        /* also */ "社区(村)编码", "村(社区)代码"),
                of("community_name", "社区名称", true, TEXT, "社区(村)名称", "社区", /* also */ "村(社区)名称"),
                of("urban_rural", "城乡类型", false, URBAN_RURAL, "社区类型", "城乡分类"),
                of("households", "户数", true, INTEGER, "总户数", "居民户数"),
                of("population", "常住人口", true, INTEGER, "人口数", "居民人数", "常住人口数"),
                of("facility_area", "综合服务设施面积", false, DECIMAL, "服务用房面积", "办公服务用房面积", "综合服务设施面积（㎡）"),
                of("grids", "网格数", false, INTEGER, "网格数量"),
                of("volunteers", "注册志愿者人数", false, INTEGER, "志愿者人数", /* also */ "注册志愿者数"),
                of("period", "统计月份", false, PERIOD, "月份", "报送月份", /* also */ "统计年月")));
    }

    private static Template s2() {
        return new Template(TemplateId.S2, List.of(
                of("org_name", "组织名称", true, TEXT, "社会组织名称", "名称"),
                // Required only for registered organizations: a row rule, not a header one.
                of("credit_code", "统一社会信用代码", false, CREDIT_CODE, "信用代码", "社会信用代码"),
                of("reg_status", "登记状态", true, REG_STATUS, "登记/备案", "管理方式"),
                of("filing_no", "备案编号", false, TEXT, /* also */ "备案号"),
                of("org_type", "组织类型", false, ORG_TYPE, "类型"),
                of("service_domain", "服务领域", false, TEXT, "活动领域", "类别"),
                of("person_in_charge", "负责人", false, TEXT, "法定代表人", "联系人", /* also */ "负责人姓名"),
                of("phone", "联系电话", false, PHONE, "电话", "手机", /* also */ "手机号码", "联系方式"),
                of("community_code", "所属社区代码", true, COMMUNITY_CODE, "社区代码", /* also */ "所属社区编码"),
                of("founded_on", "成立日期", false, DATE, "成立时间", "备案日期"),
                of("rating", "评估等级", false, RATING, "等级"),
                of("is_sw_agency", "是否社工机构", false, YES_NO, "社工机构")));
    }

    private static Template s3() {
        return new Template(TemplateId.S3, List.of(
                of("name", "姓名", true, NAME),
                of("id_number", "身份证号", true, ID_NUMBER, "身份证号码", "公民身份号码", "身份证", /* also */ "公民身份证号码"),
                of("gender", "性别", false, GENDER),
                of("birth_date", "出生日期", false, DATE, "出生年月"),
                of("education", "学历", false, EDUCATION, "文化程度", "最高学历"),
                of("political_status", "政治面貌", false, POLITICAL_STATUS),
                of("post", "职务", false, POST, "岗位"),
                of("is_committee", "是否居委会成员", false, YES_NO, "两委成员", "是否两委成员"),
                of("is_sw_post", "社会工作专业岗位", false, YES_NO, "是否社工岗位"),
                of("cert_level", "社工证等级", false, CERT_LEVEL, "职业资格", "社会工作者职业资格"),
                of("cert_no", "证书编号", false, TEXT, "资格证书编号"),
                of("community_code", "所属社区代码", true, COMMUNITY_CODE, "社区代码", /* also */ "所属社区编码"),
                of("hired_on", "入职日期", false, DATE, "参加工作时间"),
                of("phone", "联系电话", false, PHONE, "手机号码", /* also */ "电话", "手机", "联系方式")));
    }

    private static Template s4() {
        return new Template(TemplateId.S4, List.of(
                of("street_code", "街道代码", true, STREET_CODE, "街道(乡镇)代码", /* also */ "乡镇(街道)代码"),
                of("street_name", "街道名称", true, TEXT, "街道(乡镇)名称", /* also */ "乡镇(街道)名称"),
                of("centre_built", "是否建成", true, YES_NO, "综合服务中心是否建成", "建成情况"),
                of("centre_area", "中心面积", false, DECIMAL, "面积", "建筑面积"),
                of("opened_on", "启用日期", false, DATE, "投入使用日期")));
    }

    private static Template d1() {
        return new Template(TemplateId.D1, List.of(
                of("credit_code", "统一社会信用代码", true, CREDIT_CODE, "信用代码", /* also */ "社会信用代码"),
                of("org_name", "组织名称", true, TEXT, "社会组织名称", "名称"),
                // The registry knows registered types only; 社会服务机构 arrives as a synonym.
                of("org_type", "组织类型", true, ORG_TYPE, "类型").withVocabulary("社会团体", "民办非企业单位", "基金会"),
                of("registered_on", "登记日期", false, DATE, "成立登记日期"),
                of("reg_status", "登记状态", true, REGISTRY_STATUS, "状态"),
                of("legal_rep", "法定代表人", false, TEXT, "负责人"),
                of("address", "住所", false, TEXT, "地址"),
                of("community_code", "所属社区代码", false, COMMUNITY_CODE, "社区代码"),
                of("rating", "评估等级", false, RATING),
                of("is_sw_agency", "是否社工机构", false, YES_NO)));
    }

    private static Template d2() {
        return new Template(TemplateId.D2, List.of(
                of("name", "基地名称", true, TEXT, "名称"),
                of("level", "级别", true, INCUBATOR_LEVEL, "层级"),
                of("district_code", "所在区代码", true, DISTRICT_CODE, "区县代码"),
                // Required for 街道级 only: a row rule.
                of("street_code", "所在街道代码", false, STREET_CODE, "街道代码"),
                of("area", "面积", true, POSITIVE_DECIMAL, "建筑面积", "面积（㎡）"),
                of("opened_on", "启用日期", false, DATE, "建成日期"),
                of("operator_credit_code", "运营机构统一社会信用代码", false, CREDIT_CODE, "运营机构信用代码"),
                of("in_incubation", "在孵组织数", false, INTEGER, "入驻组织数"),
                of("cumulative", "累计孵化数", false, INTEGER),
                of("graduated", "出壳组织数", false, INTEGER, "已出壳数")));
    }

    private static Template d3() {
        return new Template(TemplateId.D3, List.of(
                of("name", "姓名", true, NAME),
                of("id_number", "身份证号", true, ID_NUMBER, "身份证号码", /* also */ "身份证", "公民身份号码", "公民身份证号码"),
                // A register of certificates has no 无.
                of("cert_level", "证书等级", true, CERT_LEVEL, "资格等级").withVocabulary("助理社会工作师", "社会工作师", "高级社会工作师"),
                of("cert_no", "证书编号", true, TEXT, "管理号", "资格证书编号"),
                of("obtained_year", "取得年份", false, YEAR_OR_DATE, "取得时间"),
                of("employer", "工作单位", false, TEXT),
                of("street_code", "所在街道代码", false, STREET_CODE)));
    }
}
