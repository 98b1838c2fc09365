package cn.sanshe.pipeline.ingest.read;

import static cn.sanshe.pipeline.ingest.read.ReadSupport.bytes;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.fixture;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.readAll;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.rewriteZip;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.IOUtils;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that must be refused whole, with a reason a clerk can act on, never a stack trace, a crash or
 * an OutOfMemoryError.
 */
class HostileFileTests {

    static final String CORRUPT = "文件已损坏或不完整，无法作为Excel文件打开";
    static final String ZIP_BOMB = "压缩内容异常膨胀（疑似压缩炸弹），已拒收";
    static final String XML_ENTITY = "文件含有不允许的XML实体声明，已拒收";
    static final String ENCRYPTED = "工作簿已加密，请去掉密码后重新报送";
    static final String NOT_A_TABLE = "不是表格文件";
    static final String OUT_OF_RANGE = "单元格位置超出Excel的范围（列超过XFD或行超过1,048,576），文件可能已损坏或被改动，已拒收";

    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_END = "</sheetData></worksheet>";
    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
            + " <!ENTITY lol \"lol\">\n"
            + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
            + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
            + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
            + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
            + " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
            + " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
            + " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
            + " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
            + " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
            + "]>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>" + SHEET_END;

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
        return assertRefused(file, ReadLimits.DEFAULTS);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file, ReadLimits limits) {
        return assertThatThrownBy(() -> readAll(file, limits)).isInstanceOf(FileRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"空.xlsx", "空.xls", "空.csv"})
    void emptyFileIsRefused(String name) throws Exception {
        Path file = write(dir.resolve(name), new byte[0]);

        assertRefused(file).hasMessage("文件为空（0字节）");
    }

    @Test
    void truncatedXlsxIsCorrupt() throws Exception {
        byte[] whole = bytes(fixture("community.xlsx"));
        Path half = write(dir.resolve("半截.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        assertRefused(half).hasMessage(CORRUPT);
    }

    @Test
    void xlsxCutJustBeforeItsCentralDirectoryIsCorrupt() throws Exception {
        // Every entry is complete, so a streaming look finds nothing wrong: only the directory is gone.
        byte[] whole = bytes(fixture("community.xlsx"));
        int directory = lastIndexOf(whole, new byte[] {'P', 'K', 1, 2}, whole.length);
        while (directory > 0 && lastIndexOf(whole, new byte[] {'P', 'K', 1, 2}, directory) >= 0) {
            directory = lastIndexOf(whole, new byte[] {'P', 'K', 1, 2}, directory);
        }
        Path cut = write(dir.resolve("缺目录.xlsx"), Arrays.copyOf(whole, directory));

        assertRefused(cut).hasMessage(CORRUPT);
    }

    @Test
    void truncatedXlsIsCorrupt() throws Exception {
        byte[] whole = bytes(fixture("community.xls"));
        Path half = write(dir.resolve("半截.xls"), Arrays.copyOf(whole, whole.length / 2));

        assertRefused(half).hasMessage(CORRUPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"乱码.xlsx", "乱码.xls", "乱码.csv"})
    void binaryGarbageIsNoTable(String name) throws Exception {
        byte[] garbage = new byte[4096];
        new Random(20261103).nextBytes(garbage);
        garbage[0] = 0x13; // no accidental magic number
        Path file = write(dir.resolve(name), garbage);

        assertRefused(file).hasMessage(NOT_A_TABLE);
    }

    @Test
    void otherDocumentsAreNoTable() throws Exception {
        Path pdf = write(dir.resolve("报表.xlsx"), "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
        Path png = write(dir.resolve("截图.xls"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        Path zip = dir.resolve("打包.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("社区基本情况.csv"));
            out.write("社区代码,社区名称\n".getBytes(StandardCharsets.UTF_8));
        }
        Path docx = rewriteZip(fixture("community.xlsx"), dir.resolve("word.xlsx"), Map.of("[Content_Types].xml",
                out -> out.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                        + "2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                        .getBytes(StandardCharsets.UTF_8))));

        assertRefused(pdf).hasMessage(NOT_A_TABLE);
        assertRefused(png).hasMessage(NOT_A_TABLE);
        assertRefused(zip).hasMessage(NOT_A_TABLE);
        assertRefused(docx).hasMessage(NOT_A_TABLE);
    }

    @Test
    void webPageSavedAsXlsIsRefusedWithAHint() throws Exception {
        Path html = write(dir.resolve("导出.xls"), ("\uFEFF<html><head><meta charset=\"utf-8\"></head><body><table>"
                + "<tr><td>社区代码</td></tr></table></body></html>").getBytes(StandardCharsets.UTF_8));
        Path xml = write(dir.resolve("导出2.xls"), ("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:"
                + "office:spreadsheet\"></Workbook>").getBytes(StandardCharsets.UTF_8));

        assertRefused(html).hasMessage("不是表格文件：内容是网页（HTML），请用Excel打开后另存为.xlsx再报送");
        assertRefused(xml).hasMessage("不是表格文件：内容是XML，请用Excel打开后另存为.xlsx再报送");
    }

    @Test
    void zipBombIsRefusedEarlyWithoutInflatingIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // 200 MB of spaces deflate to about 200 KB: a ratio of 1000:1 no real sheet has
            Path bomb = rewriteZip(fixture("community.xlsx"), dir.resolve("炸弹.xlsx"),
                    Map.of("xl/worksheets/sheet1.xml", out -> {
                        out.write(SHEET_START.getBytes(StandardCharsets.UTF_8));
                        byte[] spaces = new byte[1 << 20];
                        Arrays.fill(spaces, (byte) ' ');
                        for (int i = 0; i < 200; i++) {
                            out.write(spaces);
                        }
                        out.write(SHEET_END.getBytes(StandardCharsets.UTF_8));
                    }));
            assertThat(Files.size(bomb)).isLessThan(1_000_000);

            assertRefused(bomb).hasMessage(ZIP_BOMB);
        });
    }

    @Test
    void moreInflatedBytesThanTheLimitIsRefusedAsABomb() throws Exception {
        // an ordinary workbook against a tiny limit: the total counts, not only the ratio
        ReadLimits tiny = ReadLimits.DEFAULTS.withMaxUncompressedBytes(10_000);

        assertRefused(fixture("community.xlsx"), tiny).hasMessage(ZIP_BOMB);
    }

    @Test
    void oversizedSharedStringsAreRefused() throws Exception {
        ReadLimits tiny = ReadLimits.DEFAULTS.withMaxSharedStringsBytes(100);

        assertRefused(fixture("community.xlsx"), tiny).hasMessageStartingWith("文件中的文字内容过多");
    }

    @Test
    void billionLaughsInASheetIsRefusedBeforeAnyParserSeesIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Path laughs = rewriteZip(fixture("community.xlsx"), dir.resolve("笑.xlsx"),
                    Map.of("xl/worksheets/sheet1.xml", out -> out.write(BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8))));

            assertRefused(laughs).hasMessage(XML_ENTITY);
        });
    }

    @Test
    void externalEntityAnywhereInThePackageIsRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!doctype wb [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        Path inWorkbook = rewriteZip(fixture("community.xlsx"), dir.resolve("xxe1.xlsx"), Map.of("xl/workbook.xml",
                out -> {
                    String workbook = new String(ReadSupport.part(fixture("community.xlsx"), "xl/workbook.xml"),
                            StandardCharsets.UTF_8);
                    out.write(workbook.replaceFirst("<\\?xml[^>]*\\?>", xxe).getBytes(StandardCharsets.UTF_8));
                }));
        // the same declaration in UTF-16, in the shared strings
        Path utf16 = rewriteZip(fixture("community.xlsx"), dir.resolve("xxe2.xlsx"), Map.of("xl/sharedStrings.xml",
                out -> out.write(("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE sst [<!ENTITY x "
                        + "SYSTEM \"http://example.invalid/\">]><sst/>").getBytes(StandardCharsets.UTF_16LE))));

        assertRefused(inWorkbook).hasMessage(XML_ENTITY);
        assertRefused(utf16).hasMessage(XML_ENTITY);
    }

    @Test
    void cellReferencePastTheLastColumnIsRefused() throws Exception {
        // "ZZZZZZ1" is column 321 million: the streaming reader would size the row for it
        Path wide = rewriteZip(fixture("community.xlsx"), dir.resolve("宽.xlsx"), Map.of("xl/worksheets/sheet1.xml",
                out -> out.write((SHEET_START + "<row r=\"1\"><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c>"
                        + "</row>" + SHEET_END).getBytes(StandardCharsets.UTF_8))));

        // seen in the bytes already (the letters are plain): refused as corrupt before any parser runs
        assertRefused(wide).hasMessage(CORRUPT);
    }

    @Test
    void brokenSheetXmlIsCorrupt() throws Exception {
        Path broken = rewriteZip(fixture("community.xlsx"), dir.resolve("坏.xlsx"), Map.of("xl/worksheets/sheet1.xml",
                out -> out.write((SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"n\"><v>1</v></c></row><row r=\"2\"><c")
                        .getBytes(StandardCharsets.UTF_8))));

        // refused before any row is handed out: every part is parsed once as the reader will parse it
        assertRefused(broken).hasMessage(CORRUPT);
    }

    @Test
    void passwordProtectedXlsxIsRefusedAsEncrypted() throws Exception {
        Path encrypted = dir.resolve("加密.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(fixture("community.xlsx"), out);
            }
            try (OutputStream file = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(file);
            }
        }

        assertRefused(encrypted).hasMessage(ENCRYPTED);
    }

    @Test
    void passwordProtectedXlsIsRefusedAsEncrypted() throws Exception {
        Path encrypted = dir.resolve("加密.xls");
        Biff8EncryptionKey.setCurrentUserPassword("123456");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(encrypted)) {
            workbook.createSheet("社区").createRow(0).createCell(0).setCellValue("社区代码");
            workbook.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertRefused(encrypted).hasMessage(ENCRYPTED);
    }

    @Test
    void oversizedXlsIsRefusedBeforeBeingLoaded() throws Exception {
        ReadLimits tiny = ReadLimits.DEFAULTS.withMaxXlsBytes(4096);

        assertRefused(fixture("community.xls"), tiny).hasMessageStartingWith(".xls（Excel 97-2003）文件超过");
    }

    @Test
    void poiGuardsWeakenedElsewhereAreTightenedBeforeAnXlsIsRead() throws Exception {
        double ratio = ZipSecureFile.getMinInflateRatio();
        int override = IOUtils.getByteArrayMaxOverride();
        try {
            ZipSecureFile.setMinInflateRatio(0.0);
            IOUtils.setByteArrayMaxOverride(Integer.MAX_VALUE);

            assertThat(readAll(fixture("community.xls")).get(0).row(4).cells()).isEqualTo(SpreadsheetFixtureTests.ROW_4);

            assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
            assertThat((long) IOUtils.getByteArrayMaxOverride()).isEqualTo(ReadLimits.DEFAULTS.maxXlsBytes());
        } finally {
            ZipSecureFile.setMinInflateRatio(ratio);
            IOUtils.setByteArrayMaxOverride(override);
        }
    }

    @Test
    void rowNumberPastExcelsLastRowIsCorrupt() throws Exception {
        Path tall = rewriteZip(fixture("community.xlsx"), dir.resolve("高.xlsx"), Map.of("xl/worksheets/sheet1.xml",
                out -> out.write((SHEET_START + "<row r=\"4294967295\"><c r=\"A4294967295\" t=\"inlineStr\"><is><t>x</t>"
                        + "</is></c></row>" + SHEET_END).getBytes(StandardCharsets.UTF_8))));

        assertRefused(tall).hasMessage(OUT_OF_RANGE);
    }

    @Test
    void cellReferenceHiddenBehindACharacterReferenceIsJudgedDecoded() throws Exception {
        assertRefused(HostileFiles.characterReferenceInCellReference(dir.resolve("字符引用.xlsx"))).hasMessage(OUT_OF_RANGE);
    }

    @Test
    void aSheetStoredUnderAnotherExtensionIsCheckedAsTheReaderOpensIt() throws Exception {
        assertRefused(HostileFiles.sheetPartWithAnotherExtension(dir.resolve("改名表.xlsx"))).hasMessage(CORRUPT);
    }

    @Test
    void aDimensionPastExcelsBoundsIsRefused() throws Exception {
        assertRefused(HostileFiles.hugeDimension(dir.resolve("巨大范围.xlsx"))).hasMessage(OUT_OF_RANGE);
    }

    @Test
    void aSharedStringIndexPastTheTableIsRefused() throws Exception {
        assertRefused(HostileFiles.sharedStringIndexPastTheTable(dir.resolve("越界索引.xlsx")))
                .hasMessage("单元格引用了文件中不存在的文字条目，文件可能已损坏或被改动，已拒收");
    }

    @Test
    void sharedStringsOverTheMemoryBudgetAreRefused() throws Exception {
        Path strings = HostileFiles.millionsOfSharedStrings(dir.resolve("共享文字.xlsx"), 100_000);

        assertRefused(strings, ReadLimits.DEFAULTS.withMemoryBudgetBytes(ReadLimits.MIB))
                .hasMessageStartingWith("读取此文件所需内存超过每个文件的限额（1 MB）");
        // within the budget the same file reads
        assertThat(readAll(strings).get(0).row(1).cells()).containsExactly("99999");
    }

    @Test
    void aRowOfMoreCellsThanExcelHasColumnsIsRefused() throws Exception {
        assertRefused(HostileFiles.rowOfTooManyCells(dir.resolve("长行.xlsx")))
                .hasMessage("一行的单元格超过Excel的上限（16,384列），文件可能已损坏或被改动，已拒收");
    }

    @Test
    void deeplyNestedXmlIsRefusedAtTheDepthLimit() throws Exception {
        assertRefused(HostileFiles.deeplyNested(dir.resolve("深嵌套.xlsx"), 200_000))
                .hasMessage("文件内部结构异常（XML嵌套超过100层），已拒收");
    }

    @Test
    void moreCellsThanTheLimitAreRefused() throws Exception {
        assertRefused(fixture("community.xlsx"), ReadLimits.DEFAULTS.withMaxCells(10))
                .hasMessageStartingWith("文件的单元格数量超过上限（10个）");
    }

    @Test
    void theCorpusFilesAreMadeAsDescribed() throws Exception {
        // the ordinary workbook they are all made from reads
        assertThat(readAll(HostileFiles.base())).isNotEmpty();
    }

    @Test
    void missingFileIsRefused() {
        assertRefused(dir.resolve("不存在.xlsx")).hasMessage("文件不存在或无法读取");
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle, int before) {
        for (int i = Math.min(before, haystack.length) - needle.length; i >= 0; i--) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = haystack[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
