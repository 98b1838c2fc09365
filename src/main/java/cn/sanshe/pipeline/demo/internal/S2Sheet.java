package cn.sanshe.pipeline.demo.internal;

import static cn.sanshe.pipeline.demo.internal.Column.Kind.CODE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DATE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.TEXT;

import java.util.List;

/** S2 社区社会组织台账: the street's filed and registered community organizations. */
final class S2Sheet {

    private S2Sheet() {
    }

    static SheetData build(DemoCity city, Street street, SheetContext ctx) {
        boolean shortStatus = ctx.style().choice("status-words", 3) == 0;
        boolean newTerm = ctx.style().choice("type-words", 3) == 0;
        int ratingStyle = ctx.style().choice("rating", 3);
        List<Column<Organization>> columns = new Columns<Organization>()
                .required("组织名称", TEXT, Organization::ledgerName, "社会组织名称", "名称")
                // Required only for registered organizations, so never marked 必填 on the form.
                .optional("统一社会信用代码", CODE, o -> o.registeredBy(ctx.month())
                        ? ctx.orElse(Mistakes.Kind.BAD_CREDIT_CHECK, o.key(), o.creditCode()) : null, "信用代码", "社会信用代码")
                .required("登记状态", TEXT, o -> (o.registeredBy(ctx.month()) ? "登记" : "备案")
                        .transform(s -> shortStatus ? s : "已" + s), "登记/备案", "管理方式")
                .optional("备案编号", TEXT, Organization::filingNumber)
                .optional("组织类型", TEXT, o -> typeWord(o.typeIn(ctx.month()), newTerm), "类型")
                .optional("服务领域", TEXT, Organization::domain, "活动领域", "类别")
                .optional("负责人", TEXT, Organization::person, "法定代表人", "联系人")
                .optional("联系电话", CODE, o -> ctx.orElse(Mistakes.Kind.SHORT_PHONE, o.key(), o.phone()), "电话", "手机")
                .required("所属社区代码", CODE, Organization::communityCode, "社区代码")
                .optional("成立日期", DATE, Organization::founded, "成立时间", "备案日期")
                .optional("评估等级", TEXT, o -> rating(o.rating(), ratingStyle), "等级")
                .optional("是否社工机构", TEXT, o -> o.socialWorkAgency() ? "是" : "否", "社工机构")
                .list();
        return SheetBuilder.build(ctx, columns, city.ledger(street, ctx.month()));
    }

    static String typeWord(String type, boolean newTerm) {
        return newTerm && "民办非企业单位".equals(type) ? "社会服务机构" : type;
    }

    /** 3A, AAA or 3A级: all three are in use. */
    static String rating(String rating, int style) {
        if (rating == null) {
            return null;
        }
        int stars = rating.charAt(0) - '0';
        return switch (style) {
            case 1 -> "A".repeat(stars);
            case 2 -> rating + "级";
            default -> rating;
        };
    }
}
