package cn.sanshe.pipeline.demo.internal;

import java.util.List;

/**
 * The seven templates of sources.md, with the words clerks use around them.
 *
 * @param countWord the unit in a 合计 row's "共N个"; null = no 合计 row (a one-row sheet)
 * @param omittable optional columns some units' older copies of the template lack
 */
enum Template {
    S1("社区基本情况表", "个", List.of("城乡类型", "网格数", "统计月份"), List.of("社区基本情况", "基本情况表", "Sheet1")),
    S2("社区社会组织台账", "个", List.of("备案编号", "成立日期", "评估等级", "是否社工机构"), List.of("社会组织台账", "台账", "Sheet1")),
    S3("社区工作者花名册", "人", List.of("政治面貌", "出生日期", "入职日期", "联系电话"), List.of("花名册", "社区工作者", "Sheet1")),
    S4("综合服务中心情况", null, List.of("启用日期"), List.of("服务中心", "综合服务中心", "Sheet1")),
    D1("登记社会组织名录", "个", List.of("评估等级", "是否社工机构"), List.of("名录", "登记社会组织", "Sheet1")),
    D2("社会组织孵化基地名录", "个", List.of("启用日期"), List.of("孵化基地", "Sheet1")),
    D3("社会工作者持证名录", "人", List.of("取得年份", "工作单位"), List.of("持证社工", "名录", "Sheet1"));

    private final String title;
    private final String countWord;
    private final List<String> omittable;
    private final List<String> sheetNames;

    Template(String title, String countWord, List<String> omittable, List<String> sheetNames) {
        this.title = title;
        this.countWord = countWord;
        this.omittable = omittable;
        this.sheetNames = sheetNames;
    }

    String title() {
        return title;
    }

    String countWord() {
        return countWord;
    }

    List<String> omittable() {
        return omittable;
    }

    List<String> sheetNames() {
        return sheetNames;
    }
}
