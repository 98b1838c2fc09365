package cn.sanshe.pipeline.ingest.read;

import static cn.sanshe.pipeline.ingest.read.ReadSupport.fixture;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.readAll;
import static cn.sanshe.pipeline.ingest.read.ReadSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanshe.pipeline.ingest.read.ReadSupport.Sheet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV: the charset detected, never assumed; records numbered as the rows a spreadsheet shows. */
class CsvFileTests {

    static final Charset GBK = Charset.forName("GBK");
    static final String COMMUNITIES = "社区代码,社区名称,户数\n130102001001,东风社区,1200\n130102001002,红旗社区,800\n";

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void assertCommunities(List<Sheet> sheets, String name) {
        assertThat(sheets).extracting(Sheet::name).containsExactly(name);
        assertThat(sheets.get(0).rows()).containsExactly(
                new SheetRow(1, List.of("社区代码", "社区名称", "户数")),
                new SheetRow(2, List.of("130102001001", "东风社区", "1200")),
                new SheetRow(3, List.of("130102001002", "红旗社区", "800")));
    }

    @Test
    void gbkIsDetectedAndRead() throws Exception {
        assertCommunities(readAll(file("社区-gbk.csv", COMMUNITIES.getBytes(GBK))), "社区-gbk");
    }

    @Test
    void utf8WithBomIsReadWithoutTheBom() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertCommunities(readAll(file("社区-bom.csv", concat(bom, COMMUNITIES.getBytes(StandardCharsets.UTF_8)))),
                "社区-bom");
    }

    @Test
    void utf8WithoutBomIsRead() throws Exception {
        assertCommunities(readAll(file("社区.csv", COMMUNITIES.getBytes(StandardCharsets.UTF_8))), "社区");
    }

    @Test
    void utf16WithBomIsRead() throws Exception {
        // String.getBytes(UTF_16) writes a big-endian BOM; little-endian is what Windows tools write
        assertCommunities(readAll(file("be.csv", COMMUNITIES.getBytes(StandardCharsets.UTF_16))), "be");
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, COMMUNITIES.getBytes(StandardCharsets.UTF_16LE));
        assertCommunities(readAll(file("le.csv", le)), "le");
    }

    @Test
    void libreOfficeExportsReadAlikeInUtf8AndGbk() throws Exception {
        for (String name : List.of("community-utf8", "community-gbk")) {
            List<Sheet> sheets = readAll(fixture(name + ".csv"));

            assertThat(sheets).extracting(Sheet::name).containsExactly(name);
            Sheet sheet = sheets.get(0);
            assertThat(sheet.numbers()).as(name).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(sheet.row(1).cells()).as(name)
                    .containsExactly("XX街道社区基本情况表（2026年10月）", "", "", "", "", "", "", "", "");
            assertThat(sheet.row(3).cells()).as(name).isEqualTo(SpreadsheetFixtureTests.HEADER);
            // a CSV holds the text as displayed: formats applied, nothing typed
            assertThat(sheet.row(4).cells()).as(name).containsExactly("130102001001", "东风社区", "1234", "12,345.00",
                    "356.75", "2019-03-05", "2026/11/3 14:30", "25%", "2020年1月15日");
            assertThat(sheet.row(5).cells()).as(name)
                    .containsExactly("130102001002", "红旗社区", "001234", "2400.5", "0", "2019年3月", "", "TRUE", "");
            assertThat(sheet.row(6).isBlank()).as(name).isTrue();
            assertThat(sheet.row(7).cells()).as(name).startsWith("", "", "只有C列");
        }
    }

    @Test
    void aFewGbkCharactersAreEnoughThoughTheDetectorGuessesWildly() throws Exception {
        List<Sheet> sheets = readAll(file("短.csv", "名称\n中\n".getBytes(GBK)));

        assertThat(sheets.get(0).rows()).extracting(SheetRow::cells).containsExactly(List.of("名称"), List.of("中"));
    }

    @Test
    void gbkAfterALongAsciiStartIsStillDetected() throws Exception {
        StringBuilder ascii = new StringBuilder("code,count\n");
        for (int i = 0; i < 7000; i++) {
            ascii.append("130102001").append(String.format("%03d", i % 1000)).append(",").append(i).append('\n');
        }
        byte[] head = ascii.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(head.length).isGreaterThan(CsvCharsets.SAMPLE_BYTES);
        Path file = file("长.csv", concat(head, "130102001999,东风社区红旗社区幸福里社区\n".getBytes(GBK)));

        Sheet sheet = readAll(file).get(0);

        assertThat(sheet.rows()).hasSize(7002);
        assertThat(sheet.rows().get(7001)).isEqualTo(new SheetRow(7002, List.of("130102001999", "东风社区红旗社区幸福里社区")));
    }

    @Test
    void big5IsRefusedByName() throws Exception {
        String text = "組織名稱,負責人,地址,電話\n臺北市社區發展協會,陳大文,臺北市中正區重慶南路一段122號,02-23456789\n"
                + "高雄市長青關懷協會,林美麗,高雄市苓雅區四維三路2號,07-3373000\n";

        assertThatThrownBy(() -> readAll(file("繁体.csv", text.getBytes("Big5"))))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("CSV文件编码不受支持：检测为Big5（繁体中文），请另存为UTF-8或GBK编码的CSV后重新报送");
    }

    @Test
    void shiftJisIsRefusedByName() throws Exception {
        String text = "団体名,代表者,住所\n山田町内会,山田太郎,東京都千代田区丸の内一丁目\n"
                + "さくら子ども食堂,すずき はなこ,大阪府大阪市北区梅田三丁目\n";

        assertThatThrownBy(() -> readAll(file("日文.csv", text.getBytes("Shift_JIS"))))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("CSV文件编码不受支持：检测为SHIFT_JIS（日文），请另存为UTF-8或GBK编码的CSV后重新报送");
    }

    /**
     * The detector is kept per thread and reset between files: whatever was detected before, each file
     * gets the answer it gets alone (without the reset every file after the first is taken for the first).
     */
    @Test
    void eachFileIsDetectedAsIfItCameAloneWhateverCameBefore() throws Exception {
        Path big5 = file("繁体.csv", ("組織名稱,負責人,地址\n臺北市社區發展協會,陳大文,臺北市中正區重慶南路一段122號\n"
                + "高雄市長青關懷協會,林美麗,高雄市苓雅區四維三路2號\n").getBytes("Big5"));
        Path gbk = file("社区-gbk.csv", COMMUNITIES.getBytes(GBK));
        Path shiftJis = file("日文.csv", ("団体名,代表者,住所\n山田町内会,山田太郎,東京都千代田区丸の内一丁目\n"
                + "さくら子ども食堂,すずき はなこ,大阪府大阪市北区梅田三丁目\n").getBytes("Shift_JIS"));
        Path shortGbk = file("短.csv", "名称\n中\n".getBytes(GBK));
        Path west = file("west.csv", "name,city\nJosé,Zürich\nFrançois,Besançon\n".getBytes("windows-1252"));
        List<Path> files = List.of(big5, gbk, shiftJis, shortGbk, west, gbk, big5, shortGbk);

        List<String> inTurn = new java.util.ArrayList<>();
        for (Path f : files) {
            inTurn.add(outcome(f));
        }

        assertThat(inTurn).containsExactly(
                "refused: CSV文件编码不受支持：检测为Big5（繁体中文），请另存为UTF-8或GBK编码的CSV后重新报送",
                "GBK", "refused: CSV文件编码不受支持：检测为SHIFT_JIS（日文），请另存为UTF-8或GBK编码的CSV后重新报送",
                "GBK", "refused: CSV文件编码不受支持：检测为WINDOWS-1252（非中文编码），请另存为UTF-8或GBK编码的CSV后重新报送",
                "GBK", "refused: CSV文件编码不受支持：检测为Big5（繁体中文），请另存为UTF-8或GBK编码的CSV后重新报送", "GBK");
    }

    private static String outcome(Path file) {
        try {
            return WorkbookReaders.csvText(file).displayName();
        } catch (FileRefusedException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void westernSingleByteTextIsRefusedByName() throws Exception {
        byte[] text = "name,city\nJosé,Zürich\nFrançois,Besançon\n".getBytes("windows-1252");

        assertThatThrownBy(() -> readAll(file("west.csv", text)))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("CSV文件编码不受支持：检测为WINDOWS-1252（非中文编码），请另存为UTF-8或GBK编码的CSV后重新报送");
    }

    @Test
    void nulBytesMakeItNoTable() throws Exception {
        byte[] withNul = COMMUNITIES.replace("东风", "东\0风").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(file("nul.csv", withNul)))
                .isInstanceOf(FileRefusedException.class).hasMessage("不是表格文件");
    }

    @Test
    void nulBytesFarIntoTheFileAreFoundToo() throws Exception {
        String rows = "130102001001,东风社区,1200\n".repeat(5000);
        byte[] bytes = concat(rows.getBytes(StandardCharsets.UTF_8), "1301\0\0\0,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.length).isGreaterThan(CsvCharsets.SAMPLE_BYTES);

        assertThatThrownBy(() -> readAll(file("nul2.csv", bytes)))
                .isInstanceOf(FileRefusedException.class).hasMessage("不是表格文件");
    }

    @Test
    void bytesInvalidInTheDetectedCharsetAreRefusedWithTheirLine() throws Exception {
        // UTF-8 detected from the start; line 3001 was pasted in from a GBK file
        String utf8Rows = "社区代码,社区名称\n" + "130102001001,东风社区\n".repeat(2999);
        byte[] bytes = concat(utf8Rows.getBytes(StandardCharsets.UTF_8), "130102001002,红旗社区\n".getBytes(GBK),
                "130102001003,幸福社区\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> readAll(file("混合.csv", bytes)))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("CSV文件编码有误：按UTF-8读取时第3001行有无法识别的字节，请检查后另存为UTF-8或GBK编码的CSV重新报送");
    }

    @Test
    void recordsAreNumberedAsTheSpreadsheetRowsExcelShows() throws Exception {
        String text = "姓名,备注\r\n"
                + "张三,\"第一行\r\n第二行\r\n第三行\"\r\n" // row 2, over lines 2-4 of the file
                + "\r\n" // row 3: empty, not returned
                + "李四,\"说\"\"好\"\"的\"\r\n" // row 4
                + "王五,\"abc\"def,多一列\r\n" // row 5: text after the closing quote is kept, as Excel does
                + "赵六"; // row 6, no final line break

        Sheet sheet = readAll(file("行号.csv", text.getBytes(StandardCharsets.UTF_8))).get(0);

        assertThat(sheet.rows()).containsExactly(
                new SheetRow(1, List.of("姓名", "备注")),
                new SheetRow(2, List.of("张三", "第一行\r\n第二行\r\n第三行")),
                new SheetRow(4, List.of("李四", "说\"好\"的")),
                new SheetRow(5, List.of("王五", "abcdef", "多一列")),
                new SheetRow(6, List.of("赵六")));
    }

    @Test
    void unclosedQuoteIsRefusedWithTheLineItOpensOn() throws Exception {
        String text = "姓名,备注\n张三,正常\n李四,\"忘了关引号\n王五,x\n赵六,y\n";

        assertThatThrownBy(() -> readAll(file("引号.csv", text.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("CSV文件第3行的引号没有配对（从这里到文件末尾都在引号里），请检查后重新报送");
    }

    @Test
    void runawayRecordIsRefusedBeforeItFillsMemory() throws Exception {
        String text = "姓名,备注\n张三,\"" + "很长".repeat(100) + "\"\n";
        ReadLimits small = ReadLimits.DEFAULTS.withMaxCsvRecordChars(100);

        assertThatThrownBy(() -> readAll(file("长行.csv", text.getBytes(StandardCharsets.UTF_8)), small))
                .isInstanceOf(FileRefusedException.class)
                .hasMessage("CSV文件第2行内容过长（超过100个字符），可能是引号没有配对，请检查后重新报送");
    }

    @Test
    void csvWithNoRecordsHasOneEmptySheet() throws Exception {
        List<Sheet> sheets = readAll(file("2026.10 空白.csv", "\n\r\n\n".getBytes(StandardCharsets.US_ASCII)));

        assertThat(sheets).extracting(Sheet::name).containsExactly("2026.10 空白");
        assertThat(sheets.get(0).rows()).isEmpty();
    }
}
