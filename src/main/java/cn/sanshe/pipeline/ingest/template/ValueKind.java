package cn.sanshe.pipeline.ingest.template;

import java.util.List;

/**
 * What a column holds, and so how its cells are parsed and checked. Kinds with a vocabulary list
 * their canonical values; the synonyms clerks type for them are resolved when a row is validated.
 */
public enum ValueKind {
    /** Any non-blank text, stored trimmed. */
    TEXT,
    /** A person's name: 2–20 characters once the spaces clerks pad names with are gone. */
    NAME,
    /** 12 digits, in the division reference, at community level. */
    COMMUNITY_CODE,
    /** 9 digits, or 12 ending in 000; stored as 9. */
    STREET_CODE,
    /** 6 digits (12 ending in 000000 accepted); stored as 6. */
    DISTRICT_CODE,
    /** GB 32100 unified social credit code; stored normalised. */
    CREDIT_CODE,
    /** GB 11643 identity number; stored as the normalised 18 characters (15 digits upgraded). */
    ID_NUMBER,
    /** Whole number ≥ 0 (12.0 is 12). */
    INTEGER,
    /** Number ≥ 0. */
    DECIMAL,
    /** Number > 0. */
    POSITIVE_DECIMAL,
    /** A date, or a month (first day of it). */
    DATE,
    /** Reporting period yyyy-MM. */
    PERIOD,
    /** A year, or any date (its year). */
    YEAR_OR_DATE,
    /** Mobile or landline number; stored as typed but trimmed. */
    PHONE,
    /** 是 / 否. */
    YES_NO,
    /** 评估等级 1A … 5A, stored as 1 … 5. */
    RATING,
    GENDER("男", "女"),
    URBAN_RURAL("urban", "rural"),
    /** S2: how the street holds the organization. */
    REG_STATUS("已登记", "已备案"),
    /** D1: the registry's status of a registration. */
    REGISTRY_STATUS("正常", "注销", "撤销"),
    ORG_TYPE("社会团体", "民办非企业单位", "基金会", "社区社会组织"),
    EDUCATION("初中及以下", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生"),
    /** GB/T 4762 short forms; 民主党派 as such is accepted too, as clerks write it. */
    POLITICAL_STATUS("中共党员", "中共预备党员", "共青团员", "民主党派", "民革会员", "民盟盟员", "民建会员", "民进会员",
            "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众"),
    POST("书记", "主任", "副书记", "副主任", "委员", "专职工作者", "社工", "网格员"),
    CERT_LEVEL("无", "助理社会工作师", "社会工作师", "高级社会工作师"),
    INCUBATOR_LEVEL("市级", "区级", "街道级");

    private final List<String> vocabulary;

    ValueKind(String... vocabulary) {
        this.vocabulary = List.of(vocabulary);
    }

    /** The canonical values of a vocabulary kind; empty for the others. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    public boolean hasVocabulary() {
        return !vocabulary.isEmpty();
    }
}
