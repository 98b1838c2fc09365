package cn.sanshe.pipeline.demo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One row of a sheet with what it is for, so writers can merge titles and style headers. */
record Line(Role role, List<Cell> cells) {

    enum Role { TITLE, FILL, HEADER, DATA, TOTAL, BLANK, SIGNATURE, NOTE }

    Line {
        cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** Text in the first cell of a row the width of the table (merged in workbooks). */
    static Line spanning(Role role, String text, int width) {
        List<Cell> cells = new ArrayList<>(Collections.nCopies(width, Cell.EMPTY));
        cells.set(0, Cell.text(text));
        return new Line(role, cells);
    }

    static Line blank(int width) {
        return new Line(Role.BLANK, Collections.nCopies(width, Cell.EMPTY));
    }
}
