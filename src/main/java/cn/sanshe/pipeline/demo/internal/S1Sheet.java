package cn.sanshe.pipeline.demo.internal;

import static cn.sanshe.pipeline.demo.internal.Column.Kind.CODE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DECIMAL;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.INTEGER;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.PERIOD;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.TEXT;

import java.math.BigDecimal;
import java.util.List;

/** S1 社区基本情况表: one row per community of the street. */
final class S1Sheet {

    private static final List<List<String>> URBAN_RURAL = List.of(
            List.of("城市社区", "农村社区"), List.of("城市", "农村"), List.of("居委会", "村委会"));

    private S1Sheet() {
    }

    static SheetData build(DemoCity city, Street street, SheetContext ctx) {
        List<String> urbanRural = URBAN_RURAL.get(ctx.style().choice("urban-rural", URBAN_RURAL.size()));
        // Units without a facility leave the cell blank or type 0; both mean "none".
        BigDecimal none = ctx.style().choice("no-facility", 2) == 0 ? null : BigDecimal.ZERO;
        List<Column<CommunityProfile>> columns = new Columns<CommunityProfile>()
                .required("社区代码", CODE, p -> ctx.orElse(Mistakes.Kind.UNKNOWN_COMMUNITY, p.community().code(),
                        p.community().code()), "社区编码", "区划代码", "社区(村)代码", "统计用区划代码")
                .required("社区名称", TEXT, p -> p.community().name(), "社区(村)名称", "社区")
                .optional("城乡类型", TEXT, p -> urbanRural.get(p.community().rural() ? 1 : 0), "社区类型", "城乡分类")
                .required("户数", INTEGER, p -> households(p, ctx), "总户数", "居民户数").summed()
                .required("常住人口", INTEGER, p -> p.populationIn(ctx.month()), "人口数", "居民人数", "常住人口数").summed()
                .optional("综合服务设施面积", DECIMAL, p -> p.facilityArea() == null ? none : p.facilityArea(),
                        "服务用房面积", "办公服务用房面积", "综合服务设施面积（㎡）").summed()
                .optional("网格数", INTEGER, CommunityProfile::grids, "网格数量").summed()
                .optional("注册志愿者人数", INTEGER, p -> p.volunteersIn(ctx.month()), "志愿者人数").summed()
                .optional("统计月份", PERIOD, p -> ctx.month(), "月份", "报送月份")
                .list();
        return SheetBuilder.build(ctx, columns, city.profiles(street));
    }

    private static int households(CommunityProfile p, SheetContext ctx) {
        int n = p.householdsIn(ctx.month());
        return ctx.mistakes().replacement(Mistakes.Kind.NEGATIVE_HOUSEHOLDS, p.community().code()) != null ? -n : n;
    }
}
