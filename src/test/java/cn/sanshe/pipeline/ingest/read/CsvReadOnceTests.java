package cn.sanshe.pipeline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small CSV is read and decoded once, a large one streamed (checked, then parsed): on the same
 * files, well-formed and broken alike, both ways give the same rows or the same refusal.
 */
class CsvReadOnceTests {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @Test
    void readingAFileWholeGivesWhatStreamingItGives() throws Exception {
        String communities = "社区代码,社区名称,户数\n130102001001,东风社区,1200\n130102001002,红旗社区,800\n";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("utf8.csv", communities.getBytes(StandardCharsets.UTF_8));
        files.put("bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                communities.getBytes(StandardCharsets.UTF_8)));
        files.put("gbk.csv", communities.getBytes(GBK));
        files.put("utf16.csv", communities.getBytes(StandardCharsets.UTF_16));
        files.put("quotes.csv", ("姓名,备注\r\n张三,\"第一行\r\n第二行\"\r\n\r\n李四,\"说\"\"好\"\"的\"\r\n王五,\"abc\"def,多一列\r\n赵六")
                .getBytes(StandardCharsets.UTF_8));
        files.put("ascii-then-gbk.csv", concat(("code,count\n" + "130102001001,1\n".repeat(6000))
                .getBytes(StandardCharsets.US_ASCII), "130102001999,东风社区红旗社区\n".getBytes(GBK)));
        files.put("nul.csv", communities.replace("东风", "东\0风").getBytes(StandardCharsets.UTF_8));
        files.put("nul-far.csv", concat("130102001001,东风社区,1200\n".repeat(5000).getBytes(StandardCharsets.UTF_8),
                "1301\0,x\n".getBytes(StandardCharsets.UTF_8)));
        files.put("mixed.csv", concat(("社区代码,社区名称\n" + "130102001001,东风社区\n".repeat(2999))
                .getBytes(StandardCharsets.UTF_8), "130102001002,红旗社区\n".getBytes(GBK)));
        files.put("gbk-cut.csv", concat(communities.getBytes(GBK), new byte[] {(byte) 0xB6}));
        files.put("open-quote.csv", "姓名,备注\n张三,正常\n李四,\"忘了关引号\n王五,x\n".getBytes(StandardCharsets.UTF_8));
        files.put("long.csv", ("姓名,备注\n张三,\"" + "很长".repeat(100) + "\"\n").getBytes(StandardCharsets.UTF_8));
        files.put("big5.csv", "組織名稱,負責人\n臺北市社區發展協會,陳大文\n高雄市長青關懷協會,林美麗\n".getBytes("Big5"));
        files.put("empty-lines.csv", "\n\r\n\n".getBytes(StandardCharsets.US_ASCII));
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxCsvRecordChars(150);

        int read = 0;
        int refused = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = Files.write(dir.resolve(file.getKey()), file.getValue());
            List<String> whole = outcome(path, limits, CsvReader.READ_WHOLE_BYTES);
            List<String> streamed = outcome(path, limits, 0);

            assertThat(whole).as(file.getKey()).isEqualTo(streamed);
            if (whole.get(0).startsWith("refused")) {
                refused++;
            } else {
                read++;
            }
        }
        assertThat(read).isEqualTo(7);
        assertThat(refused).isEqualTo(7);
    }

    /** Every row as "number: cells", or the one line "refused: reason". */
    private static List<String> outcome(Path file, ReadLimits limits, int readWholeBytes) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CsvReader reader = CsvReader.open(file, limits, readWholeBytes)) {
            rows.add("sheet " + (reader.nextSheet() ? reader.sheetName() : null));
            for (SheetRow row; (row = reader.nextRow()) != null;) {
                rows.add(row.number() + ": " + row.cells());
            }
        } catch (FileRefusedException e) {
            return List.of("refused: " + e.getMessage());
        }
        return rows;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
