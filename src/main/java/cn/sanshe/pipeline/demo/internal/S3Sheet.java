package cn.sanshe.pipeline.demo.internal;

import static cn.sanshe.pipeline.demo.internal.Column.Kind.CODE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.DATE;
import static cn.sanshe.pipeline.demo.internal.Column.Kind.TEXT;

import java.util.List;

/** S3 社区工作者花名册: everyone on the street's community rosters this month. */
final class S3Sheet {

    private S3Sheet() {
    }

    static SheetData build(DemoCity city, Street street, SheetContext ctx) {
        // Without a certificate some clerks type 无, others leave the cell empty.
        String none = ctx.style().choice("no-certificate", 3) == 0 ? null : "无";
        List<Column<Worker>> columns = new Columns<Worker>()
                .required("姓名", TEXT, Worker::name)
                .required("身份证号", CODE, w -> idAsWritten(w, ctx), "身份证号码", "公民身份号码", "身份证")
                .optional("性别", TEXT, Worker::gender)
                .optional("出生日期", DATE, Worker::birthDate, "出生年月")
                .optional("学历", TEXT, Worker::education, "文化程度", "最高学历")
                .optional("政治面貌", TEXT, Worker::politics)
                .optional("职务", TEXT, Worker::post, "岗位")
                .optional("是否居委会成员", TEXT, w -> w.committeeMember() ? "是" : "否", "两委成员", "是否两委成员")
                .optional("社会工作专业岗位", TEXT, w -> w.socialWorkPost() ? "是" : "否", "是否社工岗位")
                .optional("社工证等级", TEXT, w -> w.certified() ? w.certLevel() : none, "职业资格", "社会工作者职业资格")
                .optional("证书编号", TEXT, Worker::certNumber, "资格证书编号")
                .required("所属社区代码", CODE, Worker::communityCode, "社区代码")
                .optional("入职日期", DATE, Worker::hiredOn, "参加工作时间")
                .optional("联系电话", CODE, Worker::phone, "手机号码")
                .list();
        return SheetBuilder.build(ctx, columns, city.roster(street, ctx.month()));
    }

    /** As copied from the card or an old record: 15-digit legacy numbers, a lower-case x. */
    private static String idAsWritten(Worker w, SheetContext ctx) {
        String wrong = ctx.mistakes().replacement(Mistakes.Kind.BAD_ID_CHECK, w.key());
        if (wrong != null) {
            return wrong;
        }
        String id = w.idNumber();
        if (w.legacyId()) {
            return id.substring(0, 6) + id.substring(8, 17);
        }
        return w.lowerX() ? id.substring(0, 17) + "x" : id;
    }
}
