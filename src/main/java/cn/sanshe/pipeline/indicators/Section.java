package cn.sanshe.pipeline.indicators;

/** The sections of a dashboard, in the order metrics.md lists them. */
public enum Section {
    FACILITIES("设施覆盖"),
    INCUBATORS("孵化基地"),
    STAFFING("人才队伍"),
    ORGANIZATIONS("社区社会组织"),
    DATA_QUALITY("数据质量");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
