package cn.sanshe.pipeline.demo.internal;

import static cn.sanshe.pipeline.demo.internal.Column.Kind.CODE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DATE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DECIMAL;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.INTEGER;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.TEXT;

import java.util.List;
import java.util.Map;

/** D2 孵化基地名录: the district's incubators and their counts this month. */
final class D2Sheet {

    /** Older registers still say 县级 and 乡镇级. */
    private static final Map<String, String> OLD_LEVELS = Map.of("区级", "县级", "街道级", "乡镇级");

    private D2Sheet() {
    }

    static SheetData build(DemoCity city, District district, SheetContext ctx) {
        boolean oldLevels = ctx.style().choice("level-words", 3) == 0;
        List<Column<Incubator>> columns = new Columns<Incubator>()
                .required("基地名称", TEXT, Incubator::name, "名称")
                .required("级别", TEXT, i -> oldLevels ? OLD_LEVELS.getOrDefault(i.level(), i.level()) : i.level(), "层级")
                .required("所在区代码", CODE, Incubator::districtCode, "区县代码")
                .optional("所在街道代码", CODE, Incubator::streetCode, "街道代码")
                .required("面积", DECIMAL, Incubator::area, "建筑面积", "面积（㎡）").summed()
                .optional("启用日期", DATE, Incubator::openedOn, "建成日期")
                .optional("运营机构统一社会信用代码", CODE, Incubator::operatorCode, "运营机构信用代码")
                .optional("在孵组织数", INTEGER, i -> i.incubating(ctx.month()), "入驻组织数").summed()
                .optional("累计孵化数", INTEGER, i -> i.cumulative(ctx.month())).summed()
                .optional("出壳组织数", INTEGER, i -> i.hatched(ctx.month()), "已出壳数").summed()
                .list();
        return SheetBuilder.build(ctx, columns, city.incubators(district, ctx.month()));
    }
}
