package cn.sanshe.pipeline.demo.internal;

import cn.sanshe.pipeline.demo.internal.Line.Role;
import java.util.ArrayList;
import java.util.List;

/** The 填表说明 sheet many forms carry: text that matches no template and must be ignored. */
final class NotesSheet {

    private static final List<String> NOTES = List.of(
            "1. 本表每月报送一次，请于次月10日前报送。",
            "2. 社区代码请填写12位统计用区划代码。",
            "3. 身份证号请填写18位号码，末位X请大写。",
            "4. 日期请按“2026-01-01”格式填写。",
            "5. 登记状态填写“已登记”或“已备案”。",
            "6. 表中带*的栏目为必填项。");

    private NotesSheet() {
    }

    static SheetData build(Rng rng) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.spanning(Role.NOTE, "填表说明", 1));
        int count = rng.between(3, NOTES.size());
        NOTES.subList(0, count).forEach(n -> lines.add(Line.spanning(Role.NOTE, n, 1)));
        return new SheetData("填表说明", null, 1, lines);
    }
}
