package cn.sanshe.pipeline.bench;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.read.WorkbookReader;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Streaming parsers run bare over a whole file: every row read and every cell's text touched (summed
 * into a checksum so nothing can be optimised away), nothing else. The fastest is the ceiling no
 * ingest of that file can beat.
 */
final class BareParsers {

    /** A parser run: rows it returned (title and header included) and the sum of its cells' lengths. */
    record Count(long rows, long chars) {
    }

    interface Parser {
        String name();

        Count parse(Path file) throws Exception;
    }

    static List<Parser> forCsv() {
        return List.of(parser("commons-csv (CSVParser, DEFAULT format)", BareParsers::commonsCsv),
                parser("WorkbookReaders (ours: charset check, CsvScan pass, commons-csv, SheetRow)", BareParsers::ours));
    }

    static List<Parser> forXlsx() {
        return List.of(parser("POI event model (XSSFReader + XSSFSheetXMLHandler)", BareParsers::poiEvents),
                parser("fastexcel-reader (ReadableWorkbook, sheet.openStream())", BareParsers::fastexcel),
                parser("WorkbookReaders (ours: XlsxInspector pass, fastexcel with formats, SheetRow)", BareParsers::ours));
    }

    private interface Body {
        Count parse(Path file) throws Exception;
    }

    private static Parser parser(String name, Body body) {
        return new Parser() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Count parse(Path file) throws Exception {
                return body.parse(file);
            }
        };
    }

    static Count commonsCsv(Path file) throws Exception {
        long rows = 0;
        long chars = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord record : parser) {
                rows++;
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        return new Count(rows, chars);
    }

    /** The classic SAX route: cells arrive formatted by POI's DataFormatter, the row counted at its end. */
    static Count poiEvents(Path file) throws Exception {
        long[] counts = new long[2];
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFSheetXMLHandler.SheetContentsHandler rows = new XSSFSheetXMLHandler.SheetContentsHandler() {
                @Override
                public void startRow(int rowNum) {
                }

                @Override
                public void endRow(int rowNum) {
                    counts[0]++;
                }

                @Override
                public void cell(String reference, String formattedValue, XSSFComment comment) {
                    counts[1] += formattedValue == null ? 0 : formattedValue.length();
                }
            };
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows,
                            new DataFormatter(), false));
                    xml.parse(new InputSource(sheet));
                }
            }
        }
        return new Count(counts[0], counts[1]);
    }

    /** fastexcel-reader with its defaults (no cell formats loaded): raw cell text. */
    static Count fastexcel(Path file) throws Exception {
        long rows = 0;
        long chars = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            for (Sheet sheet : (Iterable<Sheet>) workbook.getSheets()::iterator) {
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Iterator<Row> it = stream.iterator(); it.hasNext();) {
                        Row row = it.next();
                        rows++;
                        for (int c = 0; c < row.getCellCount(); c++) {
                            Cell cell = row.getCell(c);
                            String raw = cell == null ? null : cell.getRawValue();
                            chars += raw == null ? 0 : raw.length();
                        }
                    }
                }
            }
        }
        return new Count(rows, chars);
    }

    /** What the ingest job reads through: format by magic bytes, the pre-flight pass, cells as text. */
    static Count ours(Path file) throws Exception {
        long rows = 0;
        long chars = 0;
        try (WorkbookReader reader = WorkbookReaders.open(file)) {
            while (reader.nextSheet()) {
                SheetRow row;
                while ((row = reader.nextRow()) != null) {
                    rows++;
                    for (String cell : row.cells()) {
                        chars += cell.length();
                    }
                }
            }
        }
        return new Count(rows, chars);
    }

    private BareParsers() {
    }
}
