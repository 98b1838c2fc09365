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
 */
record ReadLimits(long maxUncompressedBytes, double maxInflateRatio, long ratioGraceBytes, int maxZipEntries,
        long maxSharedStringsBytes, long maxXlsBytes, int maxCsvRecordChars) {

    static final long MIB = 1024L * 1024L;

    static final ReadLimits DEFAULTS = new ReadLimits(2048 * MIB, 100.0, MIB, 10_000, 256 * MIB, 100 * MIB, 1_000_000);

    ReadLimits withMaxUncompressedBytes(long bytes) {
        return new ReadLimits(bytes, maxInflateRatio, ratioGraceBytes, maxZipEntries, maxSharedStringsBytes,
                maxXlsBytes, maxCsvRecordChars);
    }

    ReadLimits withMaxSharedStringsBytes(long bytes) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries, bytes,
                maxXlsBytes, maxCsvRecordChars);
    }

    ReadLimits withMaxXlsBytes(long bytes) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries,
                maxSharedStringsBytes, bytes, maxCsvRecordChars);
    }

    ReadLimits withMaxCsvRecordChars(int chars) {
        return new ReadLimits(maxUncompressedBytes, maxInflateRatio, ratioGraceBytes, maxZipEntries,
                maxSharedStringsBytes, maxXlsBytes, chars);
    }
}
