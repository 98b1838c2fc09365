package cn.sanshe.pipeline.ingest.read;

/**
 * The bounds that keep one hostile or absurd file from taking the nightly run down with it. The
 * defaults are far above any real street or district file; tests shrink them to reach each guard
 * with small fixtures.
 *
 * @param maxUncompressedBytes   .xlsx: total bytes all zip entries may inflate to
 * @param maxInflateRatio        .xlsx: an entry inflating to more than this many times its compressed
 *                               size is a zip bomb ...
 * @param ratioGraceBytes        ... checked once it has produced more than this many bytes (small
 *                               parts of a few KB may legitimately compress better)
 * @param maxZipEntries          .xlsx: entries in the zip (a real workbook has a few dozen)
 * @param maxSharedStringsBytes  .xlsx: the shared-strings part, the one part the streaming reader
 *                               keeps in memory as it goes
 * @param maxXlsBytes            .xls: file size; the Excel 97-2003 format is read whole into memory
 * @param maxCsvRecordChars      .csv: characters in one record (an unclosed quote swallows the rest
 *                               of the file into a single field)
 * @param maxCells               .xlsx: cells in the whole file, counted as the XML is decoded
 * @param memoryBudgetBytes      .xlsx: what the reader may keep in memory for one file (the shared
 *                               strings it holds as it goes, estimated per string); past it the file
 *                               is refused whole
 */
record ReadLimits(long maxUncompressedBytes, double maxInflateRatio, long ratioGraceBytes, int maxZipEntries,
        long maxSharedStringsBytes, long maxXlsBytes, int maxCsvRecordChars, long maxCells, long memoryBudgetBytes) {

    static final long MIB = 1024L * 1024L;

    /** Excel's own bounds: a reader never needs more, and a file that claims more is not Excel's. */
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_CELL_CHARS = 32_767;
    /** Spreadsheet XML nests about six deep, drawings some twenty. */
    static final int MAX_XML_DEPTH = 100;

    /**
     * A quarter of the heap, at most 256 MB: with {@code -Xmx512m} 128 MB, so that one file never
     * takes the memory the rest of the run needs.
     */
    static long defaultMemoryBudget() {
        return Math.min(256 * MIB, Runtime.getRuntime().maxMemory() / 4);
    }

    static final ReadLimits DEFAULTS = new ReadLimits(2048 * MIB, 100.0, MIB, 10_000, 256 * MIB, 100 * MIB, 1_000_000,
            200_000_000L, defaultMemoryBudget());

    ReadLimits withMaxUncompressedBytes(long bytes) {
        return new ReadLimits(bytes, maxInflateRatio, ratioGraceBytes, maxZipEntries, maxSharedStringsBytes,
                maxXlsBytes, maxCsvRecordChars, maxCells, memoryBudgetBytes);
    }

    ReadLimits withMaxSharedStringsBytes(long bytes) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries, bytes,
                maxXlsBytes, maxCsvRecordChars, maxCells, memoryBudgetBytes);
    }

    ReadLimits withMaxXlsBytes(long bytes) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries,
                maxSharedStringsBytes, bytes, maxCsvRecordChars, maxCells, memoryBudgetBytes);
    }

    ReadLimits withMaxCsvRecordChars(int chars) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries,
                maxSharedStringsBytes, maxXlsBytes, chars, maxCells, memoryBudgetBytes);
    }

    ReadLimits withMaxCells(long cells) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries,
                maxSharedStringsBytes, maxXlsBytes, maxCsvRecordChars, cells, memoryBudgetBytes);
    }

    ReadLimits withMemoryBudgetBytes(long bytes) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries,
                maxSharedStringsBytes, maxXlsBytes, maxCsvRecordChars, maxCells, bytes);
    }
}
