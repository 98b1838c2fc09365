package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A corpus of hostile files, made on the fly from a real workbook (nothing big is committed). Each
 * one, given to a reader that trusted it, would have grown memory without bound or looped: the
 * reader must refuse each whole, with a reason.
 */
public final class HostileFiles {

    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_END = "</sheetData></worksheet>";
    static final String SHEET1 = "xl/worksheets/sheet1.xml";

    private HostileFiles() {
    }

    /** The workbook every hostile .xlsx is made from: a real S1 sheet with shared strings. */
    public static Path base() {
        return ReadSupport.fixture("community.xlsx");
    }

    /** Every file of the corpus, by file name, written into {@code dir}. */
    public static Map<String, Path> corpus(Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("字符引用.xlsx", characterReferenceInCellReference(dir.resolve("字符引用.xlsx")));
        files.put("改名表.xlsx", sheetPartWithAnotherExtension(dir.resolve("改名表.xlsx")));
        files.put("巨大范围.xlsx", hugeDimension(dir.resolve("巨大范围.xlsx")));
        files.put("共享文字.xlsx", millionsOfSharedStrings(dir.resolve("共享文字.xlsx"), 5_000_000));
        files.put("越界索引.xlsx", sharedStringIndexPastTheTable(dir.resolve("越界索引.xlsx")));
        files.put("长行.csv", csvWithOneLongLine(dir.resolve("长行.csv"), 200L * 1024 * 1024));
        files.put("长行.xlsx", rowOfTooManyCells(dir.resolve("长行.xlsx")));
        files.put("深嵌套.xlsx", deeplyNested(dir.resolve("深嵌套.xlsx"), 200_000));
        files.put("炸弹.xlsx", zipBomb(dir.resolve("炸弹.xlsx")));
        files.put("笑.xlsx", billionLaughs(dir.resolve("笑.xlsx")));
        return files;
    }

    /** {@code <c r="&#68;ZZZZZZ4">}: column 2.1 billion once decoded; no byte pattern to see. */
    public static Path characterReferenceInCellReference(Path target) throws IOException {
        return sheet(target, SHEET_START + "<row r=\"4\"><c r=\"&#68;ZZZZZZ4\" t=\"inlineStr\"><is><t>x</t></is></c>"
                + "</row>" + SHEET_END);
    }

    /** The sheet stored as {@code xl/worksheets/sheet2.png}: the workbook's relationship still leads the reader to it. */
    public static Path sheetPartWithAnotherExtension(Path target) throws IOException {
        String wide = SHEET_START + "<row r=\"1\"><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
                + SHEET_END;
        Map<String, byte[]> parts = parts(base());
        String rels = new String(parts.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8)
                .replace("worksheets/sheet1.xml", "worksheets/sheet2.png");
        Map<String, byte[]> out = new LinkedHashMap<>();
        parts.forEach((name, bytes) -> {
            if (name.equals(SHEET1)) {
                out.put("xl/worksheets/sheet2.png", wide.getBytes(StandardCharsets.UTF_8));
            } else if (name.equals("xl/worksheets/sheet2.xml")) {
                out.put(name, bytes);
            } else if (name.equals("xl/_rels/workbook.xml.rels")) {
                out.put(name, rels.getBytes(StandardCharsets.UTF_8));
            } else {
                out.put(name, bytes);
            }
        });
        return zip(target, out);
    }

    /** A dimension past anything Excel can hold. */
    public static Path hugeDimension(Path target) throws IOException {
        String sheet = new String(parts(base()).get(SHEET1), StandardCharsets.UTF_8);
        String hostile = sheet.contains("<dimension")
                ? sheet.replaceFirst("<dimension ref=\"[^\"]*\"", "<dimension ref=\"A1:ZZZZZZ999999999\"")
                : sheet.replaceFirst("<sheetData", "<dimension ref=\"A1:ZZZZZZ999999999\"/><sheetData");
        return sheet(target, hostile);
    }

    /** A shared-strings table of {@code count} entries and a cell pointing at the last one. */
    public static Path millionsOfSharedStrings(Path target, int count) throws IOException {
        Map<String, byte[]> parts = parts(base());
        Map<String, PartWriter> replace = new LinkedHashMap<>();
        replace.put("xl/sharedStrings.xml", out -> {
            StringBuilder xml = new StringBuilder(1 << 16);
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" count=\"").append(count).append("\" uniqueCount=\"").append(count)
                    .append("\">");
            for (int i = 0; i < count; i++) {
                xml.append("<si><t>").append(i).append("</t></si>");
                if (xml.length() > 60_000) {
                    out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                    xml.setLength(0);
                }
            }
            xml.append("</sst>");
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        });
        replace.put(SHEET1, out -> out.write((SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>" + (count - 1)
                + "</v></c></row>" + SHEET_END).getBytes(StandardCharsets.UTF_8)));
        return rewrite(parts, target, replace);
    }

    /** A cell pointing at shared string 2,000,000,000 of a table of a few dozen: a reader fills the gap. */
    public static Path sharedStringIndexPastTheTable(Path target) throws IOException {
        return sheet(target, SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2000000000</v></c></row>" + SHEET_END);
    }

    /** A CSV whose one line is {@code bytes} long (written to disk here, never committed). */
    public static Path csvWithOneLongLine(Path target, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write("社区代码,社区名称\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
            out.write('\n');
        }
        return target;
    }

    /** One row of 20,000 cells without references: each would be one more column. */
    public static Path rowOfTooManyCells(Path target) throws IOException {
        StringBuilder row = new StringBuilder(SHEET_START).append("<row r=\"1\">");
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            row.append("<c><v>").append(random.nextInt(1_000_000)).append("</v></c>");
        }
        return sheet(target, row.append("</row>").append(SHEET_END).toString());
    }

    /** {@code levels} nested elements of random names (not compressible enough to look like a bomb). */
    public static Path deeplyNested(Path target, int levels) throws IOException {
        Random random = new Random(14);
        String[] names = new String[levels];
        StringBuilder xml = new StringBuilder(SHEET_START).append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>");
        for (int i = 0; i < levels; i++) {
            char[] name = new char[6];
            for (int j = 0; j < name.length; j++) {
                name[j] = (char) ('a' + random.nextInt(26));
            }
            names[i] = new String(name);
            xml.append('<').append(names[i]).append('>');
        }
        for (int i = levels - 1; i >= 0; i--) {
            xml.append("</").append(names[i]).append('>');
        }
        return sheet(target, xml.append("</is></c></row>").append(SHEET_END).toString());
    }

    public static Path zipBomb(Path target) throws IOException {
        return rewrite(parts(base()), target, Map.of(SHEET1, out -> {
            out.write(SHEET_START.getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                out.write(spaces);
            }
            out.write(SHEET_END.getBytes(StandardCharsets.UTF_8));
        }));
    }

    public static Path billionLaughs(Path target) throws IOException {
        return sheet(target, HostileFileTests.BILLION_LAUGHS);
    }

    private static Path sheet(Path target, String xml) throws IOException {
        return rewrite(parts(base()), target, Map.of(SHEET1, out -> out.write(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @FunctionalInterface
    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Map<String, byte[]> parts(Path source) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile in = new ZipFile(source.toFile())) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                try (InputStream part = in.getInputStream(entry)) {
                    parts.put(entry.getName(), part.readAllBytes());
                }
            }
        }
        return parts;
    }

    private static Path rewrite(Map<String, byte[]> parts, Path target, Map<String, PartWriter> replace)
            throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                PartWriter writer = replace.get(part.getKey());
                if (writer == null) {
                    out.write(part.getValue());
                } else {
                    writer.write(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static Path zip(Path target, Map<String, byte[]> parts) throws IOException {
        return rewrite(parts, target, Map.of());
    }
}
