package cn.sanshe.pipeline.demo.internal;

import static cn.sanshe.pipeline.demo.internal.Column.Kind.CODE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DATE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.TEXT;

import java.util.List;

/**
 * D1 登记社会组织名录: the district's registration-system export. It holds every registered
 * organization on the streets' ledgers under its legal name, plus district-level ones.
 */
final class D1Sheet {

    private D1Sheet() {
    }

    static SheetData build(DemoCity city, District district, SheetContext ctx) {
        boolean newTerm = ctx.style().choice("type-words", 2) == 0;
        int ratingStyle = ctx.style().choice("rating", 2) == 0 ? 0 : 1;
        List<Column<Organization>> columns = new Columns<Organization>()
                .required("统一社会信用代码", CODE, Organization::creditCode, "信用代码")
                .required("组织名称", TEXT, Organization::registryName, "社会组织名称", "名称")
                .required("组织类型", TEXT, o -> S2Sheet.typeWord(o.registeredType(), newTerm), "类型")
                .optional("登记日期", DATE, Organization::registeredOn, "成立登记日期")
                .required("登记状态", TEXT, o -> o.deregisteredBy(ctx.month()) ? "注销" : "正常", "状态")
                .optional("法定代表人", TEXT, Organization::person, "负责人")
                .optional("住所", TEXT, Organization::address, "地址")
                .optional("所属社区代码", CODE, Organization::communityCode, "社区代码")
                .optional("评估等级", TEXT, o -> S2Sheet.rating(o.rating(), ratingStyle))
                .optional("是否社工机构", TEXT, o -> o.socialWorkAgency() ? "是" : "否")
                .list();
        return SheetBuilder.build(ctx, columns, city.registry(district, ctx.month()));
    }
}
