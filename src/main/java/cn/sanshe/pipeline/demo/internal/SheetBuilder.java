package cn.sanshe.pipeline.demo.internal;

import cn.sanshe.pipeline.demo.internal.Line.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lays out a template sheet the way it arrives: optional title and 填报单位 lines above the header,
 * optional 序号 column, the data, then any of a 合计 row, a blank row, signature and 备注 lines.
 */
final class SheetBuilder {

    private static final List<String> REMARKS = List.of("本表数据截至当月月底。", "社区代码按统计用区划代码填写。",
            "如有变动请及时报送。", "请核对后盖章报送。");

    private SheetBuilder() {
    }

    static <T> SheetData build(SheetContext ctx, List<Column<T>> all, List<T> items) {
        FileStyle style = ctx.style();
        List<Column<T>> columns = all.stream()
                .filter(c -> c.required() || !style.omitted().contains(c.name())).toList();
        CellRenderer renderer = new CellRenderer(style, ctx.rng());
        int offset = style.seq() ? 1 : 0;
        int width = columns.size() + offset;
        List<Line> lines = new ArrayList<>();
        if (style.title()) {
            lines.add(Line.spanning(Role.TITLE, ctx.unitName() + ctx.template().title() + "（"
                    + ctx.month().getYear() + "年" + ctx.month().getMonthValue() + "月）", width));
        }
        if (style.fillLine()) {
            lines.add(Line.spanning(Role.FILL, "填报单位：" + ctx.fillingUnit() + "    填报日期："
                    + TextDates.chinese(ctx.filledOn()), width));
        }
        List<Cell> header = new ArrayList<>();
        if (style.seq()) {
            header.add(Cell.text("序号"));
        }
        HeaderText.of(columns, style).forEach(h -> header.add(Cell.text(h)));
        lines.add(new Line(Role.HEADER, header));
        for (int i = 0; i < items.size(); i++) {
            List<Cell> cells = new ArrayList<>(width);
            if (style.seq()) {
                cells.add(renderer.plain(i + 1));
            }
            for (Column<T> c : columns) {
                cells.add(renderer.render(c.kind(), c.value().apply(items.get(i))));
            }
            lines.add(new Line(Role.DATA, cells));
        }
        if (style.totals() && ctx.template().countWord() != null && !items.isEmpty()) {
            lines.add(totals(ctx, columns, items, renderer, offset, width));
        }
        if (style.blankBelow()) {
            lines.add(Line.blank(width));
        }
        if (style.signature()) {
            lines.add(Line.spanning(Role.SIGNATURE, "填表人：" + ctx.filler() + "  审核人：" + ctx.reviewer(), width));
        }
        if (style.remark()) {
            lines.add(Line.spanning(Role.SIGNATURE, "备注：" + REMARKS.get(style.choice("remark", REMARKS.size())), width));
        }
        return new SheetData(ctx.sheetName(), ctx.template(), width, lines);
    }

    /** Sums where the template has figures to add up, otherwise a count: what SUM() and COUNTA() gave. */
    private static <T> Line totals(SheetContext ctx, List<Column<T>> columns, List<T> items, CellRenderer renderer,
            int offset, int width) {
        List<Cell> cells = new ArrayList<>(Collections.nCopies(width, Cell.EMPTY));
        cells.set(0, Cell.text(ctx.style().choice("total-word", 4) == 0 ? "总计" : "合计"));
        boolean summed = false;
        for (int j = 0; j < columns.size(); j++) {
            Column<T> c = columns.get(j);
            if (!c.summed()) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (T item : items) {
                if (c.value().apply(item) instanceof Number n) {
                    sum = sum.add(new BigDecimal(n.toString()));
                }
            }
            cells.set(offset + j, renderer.render(c.kind(), sum));
            summed = true;
        }
        if (!summed && width > 1) {
            cells.set(1, Cell.text("共" + items.size() + ctx.template().countWord()));
        }
        return new Line(Role.TOTAL, cells);
    }
}
