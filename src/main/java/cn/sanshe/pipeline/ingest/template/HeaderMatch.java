package cn.sanshe.pipeline.ingest.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sheet's header row recognised as a template's.
 *
 * @param headerRowNumber  the header's 1-based row number; data starts below it
 * @param columnIndex      column id → 0-based cell index, for the columns the sheet has (all
 *                         required ones, some optional ones), in the template's column order
 * @param unmatchedHeaders non-blank header cells that mean no column, or repeat one already
 *                         matched (normalised text), for the run log; 序号 is not listed
 */
public record HeaderMatch(Template template, int headerRowNumber, Map<String, Integer> columnIndex,
        List<String> unmatchedHeaders) {

    public HeaderMatch {
        columnIndex = Collections.unmodifiableMap(new LinkedHashMap<>(columnIndex));
        unmatchedHeaders = List.copyOf(unmatchedHeaders);
    }
}
