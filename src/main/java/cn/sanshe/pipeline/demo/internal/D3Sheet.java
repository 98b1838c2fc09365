package cn.sanshe.pipeline.demo.internal;

import static cn.sanshe.pipeline.demo.internal.Column.Kind.CODE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DATE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.TEXT;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.YEAR;

import java.time.LocalDate;
import java.util.List;

/** D3 社会工作者持证名录: certificates the district knows, roster workers and agency staff alike. */
final class D3Sheet {

    private D3Sheet() {
    }

    static SheetData build(DemoCity city, District district, SheetContext ctx) {
        // Some registers give the year, others the date on the certificate (exams are in June).
        boolean asDate = ctx.style().choice("year-or-date", 3) == 0;
        Columns<Certificate> columns = new Columns<Certificate>()
                .required("姓名", TEXT, Certificate::name)
                .required("身份证号", CODE, Certificate::idNumber, "身份证号码")
                .required("证书等级", TEXT, Certificate::level, "资格等级")
                .required("证书编号", TEXT, Certificate::number, "管理号", "资格证书编号");
        if (asDate) {
            columns.optional("取得年份", DATE, c -> LocalDate.of(c.year(), 6, 10 + Math.floorMod(c.number().hashCode(), 18)),
                    "取得时间");
        } else {
            columns.optional("取得年份", YEAR, Certificate::year, "取得时间");
        }
        columns.optional("工作单位", TEXT, Certificate::employer)
                .optional("所在街道代码", CODE, Certificate::streetCode);
        return SheetBuilder.build(ctx, columns.list(), city.certificates(district, ctx.month()));
    }
}
