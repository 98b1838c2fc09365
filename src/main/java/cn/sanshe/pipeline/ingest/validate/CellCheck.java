package cn.sanshe.pipeline.ingest.validate;

import java.util.List;

/**
 * One cell checked: its typed value, or every problem with it (a code can fail more than one way:
 * unknown to the reference and outside the sending unit). A value that failed has no value, so
 * no rule across columns builds a second complaint on it.
 */
record CellCheck(Object value, List<String> problems) {

    CellCheck {
        // Most cells are right: their empty list is taken as it is (List.of() is immutable already).
        problems = problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    static CellCheck valid(Object value) {
        return new CellCheck(value, List.of());
    }

    static CellCheck invalid(String problem) {
        return new CellCheck(null, List.of(problem));
    }

    static CellCheck of(Object value, List<String> problems) {
        return new CellCheck(problems.isEmpty() ? value : null, problems);
    }

    boolean isValid() {
        return problems.isEmpty();
    }
}
