package cn.sanshe.pipeline.reference;

import java.util.List;

/**
 * One line of a division reference CSV as written, with the problems found in it alone (format,
 * level, structure). Problems that need the whole file (duplicates, parents) are found later.
 */
record DivisionRow(int lineNo, String code, String name, String level, String parentCode, String urbanRural,
        List<String> problems) {

    DivisionRow withProblems(List<String> found) {
        return new DivisionRow(lineNo, code, name, level, parentCode, urbanRural, List.copyOf(found));
    }
}
