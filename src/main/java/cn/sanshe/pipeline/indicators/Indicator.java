package cn.sanshe.pipeline.indicators;

import java.util.List;

/**
 * The indicators of metrics.md, with the unit their value is in and their variants (the empty
 * variant for an indicator without a breakdown). Unit {@code %}: the value is a ratio (0.592 is
 * 59.2 %); {@code m2}: square metres; {@code 个}, {@code 人}, {@code 户}: counts.
 */
public enum Indicator {
    FAC_COMMUNITY_COVERAGE("社区综合服务设施覆盖率", "%", Section.FACILITIES, false, "all", "urban", "rural"),
    FAC_COMMUNITY_AREA_OK("社区设施面积达标率", "%", Section.FACILITIES, false, ""),
    FAC_AREA_PER_100_HH("每百户居民服务设施面积", "m2", Section.FACILITIES, false, ""),
    FAC_STREET_CENTER_COVERAGE("街道综合服务中心覆盖率", "%", Section.FACILITIES, false, ""),
    FAC_STREET_CENTER_AREA_OK("街道中心面积达标率", "%", Section.FACILITIES, false, ""),

    INC_COUNT("孵化基地数量", "个", Section.INCUBATORS, true, "all", "市级", "区级", "街道级"),
    INC_CITY_OK("市级基地达标", "个", Section.INCUBATORS, true, ""),
    INC_DISTRICT_OK("区级基地达标率", "%", Section.INCUBATORS, false, ""),
    INC_STREET_PER_DISTRICT_OK("街道级基地达标率", "%", Section.INCUBATORS, false, ""),
    INC_ORGS("在孵 / 累计孵化 / 出壳", "个", Section.INCUBATORS, false, "in_incubation", "cumulative", "graduated"),

    STF_PROFESSIONALS("社区社会工作专业人才总量", "人", Section.STAFFING, true, ""),
    STF_COMMITTEE_CERT_RATE("居委会成员持证率", "%", Section.STAFFING, false, ""),
    STF_POSTS_PER_POP_OK("社工岗位配置达标率", "%", Section.STAFFING, false, ""),
    STF_PRO_PER_COMMUNITY_OK("社区专业人才配备达标率", "%", Section.STAFFING, false, ""),
    STF_COMMITTEE_WITH_CERT("居委会有持证社工比例", "%", Section.STAFFING, false, ""),
    STF_COLLEGE_RATE("大专及以上学历比例", "%", Section.STAFFING, false, ""),
    STF_HH_PER_WORKER("每名社区工作者服务户数", "户", Section.STAFFING, false, ""),
    STF_AGENCIES("社会工作服务机构数量", "个", Section.STAFFING, true, ""),

    ORG_COUNT("社区社会组织数量", "个", Section.ORGANIZATIONS, false, "all", "已登记", "已备案", "type:社会团体",
            "type:民办非企业单位", "type:基金会", "type:社区社会组织"),
    ORG_PER_COMMUNITY_OK("社区社会组织数量达标率", "%", Section.ORGANIZATIONS, false, ""),
    ORG_AVG_PER_COMMUNITY("平均每社区社会组织数", "个", Section.ORGANIZATIONS, false, ""),
    ORG_RATED_3A("3A及以上社会组织", "个", Section.ORGANIZATIONS, false, ""),

    DQ_SUBMISSION_RATE("报送率", "%", Section.DATA_QUALITY, false, "S1", "S2", "S3", "S4", "D1", "D2", "D3"),
    DQ_REJECTED("退回记录", "个", Section.DATA_QUALITY, false, "rejected_rows", "open_with_stewards"),
    DQ_MERGED("合并记录", "个", Section.DATA_QUALITY, false, "");

    private final String chineseName;
    private final String unit;
    private final Section section;
    private final boolean cityWideTarget;
    private final List<String> variants;

    Indicator(String chineseName, String unit, Section section, boolean cityWideTarget, String... variants) {
        this.chineseName = chineseName;
        this.unit = unit;
        this.section = section;
        this.cityWideTarget = cityWideTarget;
        this.variants = List.of(variants);
    }

    /** The id of metrics.md, as exported in kpis.json and kpis.csv. */
    public String id() {
        return name();
    }

    public String chineseName() {
        return chineseName;
    }

    /** {@code %} (value is a ratio), {@code m2}, {@code 个}, {@code 人} or {@code 户}. */
    public String unit() {
        return unit;
    }

    public Section section() {
        return section;
    }

    public List<String> variants() {
        return variants;
    }

    public boolean isRatio() {
        return unit.equals("%");
    }

    /**
     * A total whose target the policy documents set for a whole city (全市 ≥ 3000 professionals):
     * judged on city-level figures only, never on a district's or a province's.
     */
    public boolean cityWideTarget() {
        return cityWideTarget;
    }
}
