package cn.sanshe.pipeline.reference;

import cn.sanshe.pipeline.ingest.read.FileRefusedException;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams a division CSV ({@code code,name,level,parent_code,urban_rural}; UTF-8 with or
 * without BOM, GBK or GB18030, detected) one line at a time, so a national reference never sits in memory. Restartable: the
 * item count saved by Spring Batch is skipped on reopen.
 */
class DivisionCsvReader extends AbstractItemCountingItemStreamItemReader<DivisionRow> {

    static final List<String> HEADER = List.of("code", "name", "level", "parent_code", "urban_rural");

    private final Path file;
    private CSVParser parser;
    private Iterator<CSVRecord> records;

    DivisionCsvReader(Path file) {
        this.file = file;
        setName("divisionCsvReader");
    }

    @Override
    protected void doOpen() throws IOException {
        // What Excel on Chinese Windows saves is GBK: the encoding is detected as for the inbox, and a
        // file that decodes cleanly in none is refused rather than stored as replacement characters.
        WorkbookReaders.CsvText text;
        try {
            text = WorkbookReaders.csvText(file);
        } catch (FileRefusedException e) {
            throw new DivisionFileRefusedException("区划文件 " + file + "：" + e.getMessage());
        }
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(text.bomLength());
        Reader reader = new InputStreamReader(in, text.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader);
        records = parser.iterator();
        if (!records.hasNext()) {
            throw new DivisionFileRefusedException("文件为空：应有表头 " + String.join(",", HEADER));
        }
        List<String> header = records.next().toList();
        if (!header.equals(HEADER)) {
            throw new DivisionFileRefusedException("第1行表头应为 " + String.join(",", HEADER) + "，实为 "
                    + String.join(",", header));
        }
    }

    @Override
    protected DivisionRow doRead() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        // Line as a person counts it in an editor: the header is line 1.
        int lineNo = (int) record.getRecordNumber();
        if (record.size() != HEADER.size()) {
            return new DivisionRow(lineNo, null, null, null, null, null,
                    List.of("应有" + HEADER.size() + "列，实有" + record.size() + "列"));
        }
        return new DivisionRow(lineNo, record.get(0), record.get(1), record.get(2), blankToNull(record.get(3)),
                blankToNull(record.get(4)), List.of());
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
