package cn.sanshe.pipeline.demo.internal;

import static cn.sanshe.pipeline.demo.internal.Column.Kind.CODE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DATE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DECIMAL;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.TEXT;

import java.util.List;

/** S4 街道综合服务中心情况: the street's one row. */
final class S4Sheet {

    private S4Sheet() {
    }

    static SheetData build(DemoCity city, Street street, SheetContext ctx) {
        boolean twelveDigits = ctx.style().choice("street-code", 3) == 0;
        List<Column<ServiceCentre>> columns = new Columns<ServiceCentre>()
                .required("街道代码", CODE, c -> twelveDigits ? c.street().code() + "000" : c.street().code(),
                        "街道(乡镇)代码")
                .required("街道名称", TEXT, c -> c.street().name(), "街道(乡镇)名称")
                .required("是否建成", TEXT, c -> c.builtBy(ctx.month()) ? "是" : "否", "综合服务中心是否建成", "建成情况")
                .optional("中心面积", DECIMAL, c -> c.builtBy(ctx.month()) ? c.area() : null, "面积", "建筑面积")
                .optional("启用日期", DATE, c -> c.builtBy(ctx.month()) ? c.openedOn() : null, "投入使用日期")
                .list();
        return SheetBuilder.build(ctx, columns, List.of(city.centre(street)));
    }
}
