package cn.sanshe.pipeline.demo.internal;

import java.util.List;

/** A sheet ready to write; template null for sheets that match none (填表说明). */
record SheetData(String name, Template template, int width, List<Line> lines) {

    SheetData {
        lines = List.copyOf(lines);
    }

    int dataRows() {
        return (int) lines.stream().filter(l -> l.role() == Line.Role.DATA).count();
    }
}
