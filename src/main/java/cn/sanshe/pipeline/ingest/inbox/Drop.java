package cn.sanshe.pipeline.ingest.inbox;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * A file as found in the inbox (or named on the command line).
 *
 * @param file     where it is
 * @param path     how it is known: relative to the inbox with '/' separators, or the path given
 * @param period   the reporting period of its folder (or the operator's --period); null if none
 * @param unitCode the sending unit of its folder (or --unit); null if none
 * @param misplaced why the file is not where the drop layout wants it, or null
 */
public record Drop(Path file, String path, YearMonth period, String unitCode, String misplaced) {
}
