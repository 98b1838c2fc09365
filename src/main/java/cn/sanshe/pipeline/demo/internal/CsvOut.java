package cn.sanshe.pipeline.demo.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as Excel saves it (comma, CRLF, title and footer lines padded to the table's width). The
 * encoder refuses unmappable characters, so a GBK file never silently carries a '?'.
 */
final class CsvOut {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvOut() {
    }

    static void write(Path file, SheetData sheet, FileFormat.Encoding encoding) throws IOException {
        Charset charset = encoding == FileFormat.Encoding.GBK ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (encoding == FileFormat.Encoding.UTF8_BOM) {
                out.write(BOM);
            }
            try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, encoder), CSVFormat.EXCEL)) {
                for (Line line : sheet.lines()) {
                    List<String> values = new ArrayList<>(sheet.width());
                    line.cells().forEach(c -> values.add(c.display()));
                    while (values.size() < sheet.width()) {
                        values.add("");
                    }
                    printer.printRecord(values);
                }
            }
        }
    }
}
