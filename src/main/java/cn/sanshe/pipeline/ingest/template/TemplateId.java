package cn.sanshe.pipeline.ingest.template;

/** The seven templates of sources.md: four sent by streets, three by districts. */
public enum TemplateId {
    S1("社区基本情况表", false),
    S2("社区社会组织台账", false),
    S3("社区工作者花名册", false),
    S4("街道综合服务中心情况", false),
    D1("登记社会组织名录", true),
    D2("孵化基地名录", true),
    D3("社会工作者持证名录", true);

    private final String title;
    private final boolean fromDistrict;

    TemplateId(String title, boolean fromDistrict) {
        this.title = title;
        this.fromDistrict = fromDistrict;
    }

    public String title() {
        return title;
    }

    public boolean fromDistrict() {
        return fromDistrict;
    }
}
