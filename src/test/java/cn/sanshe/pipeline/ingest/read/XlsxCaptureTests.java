package cn.sanshe.pipeline.ingest.read;

import static cn.sanshe.pipeline.ingest.read.HostileFiles.SHEET1;
import static cn.sanshe.pipeline.ingest.read.HostileFiles.SHEET_END;
import static cn.sanshe.pipeline.ingest.read.HostileFiles.SHEET_START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain .xlsx is read from what its inspection parsed ({@link XlsxCapture}), anything else by
 * fastexcel: on the clerks' workbooks and on cells of every kind, both give the same sheets and rows
 * or the same refusal, and what is not plain is left to fastexcel rather than guessed at.
 */
class XlsxCaptureTests {

    /** Cells of every kind the reader renders; style 5 is yyyy-mm-dd, 6 a date and time, 8 年月日, 7 a percentage. */
    private static final String EVERY_KIND = SHEET_START
            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\" t=\"inlineStr\"><is><r><t>东</t></r>"
            + "<r><rPr><b/></rPr><t xml:space=\"preserve\">风 </t></r></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>社区</t><rPh sb=\"0\" eb=\"2\"><t>しゃく</t></rPh></is></c>"
            + "<c r=\"D1\" t=\"s\"><v></v></c><c r=\"E1\" t=\"s\"/></row>"
            + "<row r=\"2\"><c r=\"A2\"><v>1234</v></c><c r=\"B2\" t=\"n\"><v>0.5</v></c><c r=\"C2\"><v>1E3</v></c>"
            + "<c r=\"D2\"><v>-0</v></c><c r=\"E2\"><v></v></c><c r=\"F2\"/><c r=\"G2\" s=\"7\"><v>0.25</v></c>"
            + "<c r=\"H2\"><v>123456789012345678</v></c><c r=\"I2\"><v>0.1000000000000000055511151231257827</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\" s=\"5\"><v>46300</v></c><c r=\"B3\" s=\"6\"><v>46300.5</v></c>"
            + "<c r=\"C3\" s=\"8\"><v>46300</v></c><c r=\"D3\" s=\"99\"><v>46300</v></c><c r=\"E3\" s=\"5\"><v>-5</v></c>"
            + "<c r=\"F3\" s=\"5\" t=\"str\"><f>TODAY()</f><v>2026-12-07</v></c></row>"
            + "<row r=\"5\"><c r=\"A5\" t=\"b\"><v>1</v></c><c r=\"B5\" t=\"b\"><v>0</v></c><c r=\"C5\" t=\"b\"><v></v></c>"
            + "<c r=\"D5\" t=\"e\"><v>#N/A</v></c><c r=\"E5\" t=\"str\"><f>A1&amp;\"x\"</f><v>abc</v></c>"
            + "<c r=\"F5\"><f>1+1</f><v>2</v></c><c r=\"G5\"><f>1/0</f></c><c r=\"H5\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
            + "<c r=\"I5\" t=\"b\"><f>TRUE()</f><v>1</v></c><c r=\"J5\" s=\"5\"><f>A3+1</f><v>46301</v></c></row>"
            + "<row r=\"6\"><c r=\"C6\" t=\"inlineStr\"><is><t>隔</t></is></c><c r=\"B6\" t=\"inlineStr\"><is><t>前</t></is></c>"
            + "<c r=\"C6\" t=\"inlineStr\"><is><t>后写的</t></is></c><c r=\"F6\" t=\"inlineStr\"><is><t></t></is></c>"
            + "<c r=\"G6\" s=\"3\"/></row>"
            + "<row r=\"7\"/><row r=\"8\" hidden=\"1\"><c r=\"AB8\" t=\"inlineStr\"><is><t>第28列</t></is></c></row>"
            + "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><v>不读</v><is><t>读</t></is></c>"
            + "<c r=\"B9\" t=\"inlineStr\"><is><t>&lt;&amp;&gt;</t></is></c><c r=\"C9\" t=\"inlineStr\"><is><t><![CDATA[a<b]]></t></is></c></row>"
            + SHEET_END;

    @TempDir
    Path dir;

    @Test
    void theClerksWorkbooksAndCellsOfEveryKindReadAsFastexcelReadsThem() throws Exception {
        Map<String, Path> plain = new LinkedHashMap<>();
        for (String folder : List.of("/ingest/clerks", "/ingest/read")) {
            try (Stream<Path> listed = Files.list(resource(folder))) {
                listed.filter(p -> p.toString().endsWith(".xlsx")).sorted()
                        .forEach(p -> plain.put(p.getFileName().toString(), p));
            }
        }
        Path base = HostileFiles.base();
        plain.put("各种单元格.xlsx", sheet1("各种单元格.xlsx", EVERY_KIND));
        plain.put("1904.xlsx", replace(base, "1904.xlsx", "xl/workbook.xml", "date1904=\"false\"", "date1904=\"1\""));
        plain.put("1904-各种单元格.xlsx", replace(sheet1("tmp.xlsx", EVERY_KIND), "1904-各种单元格.xlsx",
                "xl/workbook.xml", "date1904=\"false\"", "date1904=\"true\""));
        plain.put("注音.xlsx", replace(base, "注音.xlsx", "xl/sharedStrings.xml", "</si>",
                "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh><phoneticPr fontId=\"1\"/></si>"));
        plain.put("表序.xlsx", replace(base, "表序.xlsx", "xl/workbook.xml",
                "<sheet name=\"社区基本情况\" sheetId=\"1\" state=\"visible\" r:id=\"rId2\"/>"
                        + "<sheet name=\"填表说明\" sheetId=\"2\" state=\"visible\" r:id=\"rId3\"/>",
                "<sheet name=\"填表说明\" sheetId=\"2\" state=\"hidden\" r:id=\"rId3\"/>"
                        + "<sheet name=\"社区基本情况\" sheetId=\"1\" state=\"visible\" r:id=\"rId2\"/>"));

        for (Map.Entry<String, Path> file : plain.entrySet()) {
            assertThat(XlsxInspector.inspect(file.getValue(), ReadLimits.DEFAULTS)).as("taken down: " + file.getKey())
                    .isNotNull();
            assertThat(outcome(file.getValue(), false)).as(file.getKey()).isEqualTo(outcome(file.getValue(), true));
        }
        // the rendering itself, not only agreement: the kinds the pipeline's checks depend on
        String everyKind = outcome(plain.get("各种单元格.xlsx"), false);
        assertThat(everyKind).contains("2 [1234, 0.5, 1000, 0, , , 0.25, 123456789012346000, 0.1]",
                "3 [2026-10-05, 2026-10-05 12:00:00, 2026-10-05, 46300, -5, 2026-12-07]",
                "5 [TRUE, FALSE, , #N/A, abc, 2, , #DIV/0!, TRUE, 2026-10-06]", "6 [, 前, 后写的]", "7 []",
                "9 [读, <&>, a<b]", ", , , , , , , , , , , , , , , , , , , , , , , , , , , 第28列]", "东风 , 社区しゃく]");
    }

    @Test
    void whatIsNotPlainIsLeftToFastexcelAndReadsTheSame() throws Exception {
        Path base = HostileFiles.base();
        Map<String, Path> notPlain = new LinkedHashMap<>();
        putRows(notPlain, "小写引用.xlsx",
                "<row r=\"1\"><c r=\"b1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        putRows(notPlain, "绝对引用.xlsx",
                "<row r=\"1\"><c r=\"$B$1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        putRows(notPlain, "无行号.xlsx",
                "<row><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        putRows(notPlain, "无单元格引用.xlsx",
                "<row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>2</v></c></row>");
        putRows(notPlain, "共享公式.xlsx",
                "<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A2\" si=\"0\">B1+1</f><v>2</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><f t=\"shared\" si=\"0\"/><v>3</v></c></row>");
        putRows(notPlain, "无主共享公式.xlsx",
                "<row r=\"2\"><c r=\"A2\"><f t=\"shared\" si=\"7\"/><v>3</v></c></row>");
        putRows(notPlain, "日期类型.xlsx",
                "<row r=\"1\"><c r=\"A1\" t=\"d\"><v>2026-10-01</v></c></row>");
        putRows(notPlain, "空格数字.xlsx",
                "<row r=\"1\"><c r=\"A1\"><v> 12 </v></c></row>");
        putRows(notPlain, "坏布尔.xlsx",
                "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>yes</v></c></row>");
        putRows(notPlain, "两个值.xlsx",
                "<row r=\"1\"><c r=\"A1\"><v>1</v><v>2</v></c></row>");
        putRows(notPlain, "行中有别的.xlsx",
                "<row r=\"1\"><extLst><c r=\"A1\"><v>1</v></c></extLst><c r=\"B1\"><v>2</v></c></row>");
        notPlain.put("大小写.xlsx", replace(base, "大小写.xlsx", "xl/_rels/workbook.xml.rels", "worksheets/sheet1.xml",
                "worksheets/SHEET1.xml"));
        notPlain.put("无样式.xlsx", replace(base, "无样式.xlsx", "[Content_Types].xml",
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                        + ".spreadsheetml.styles+xml\"/>", ""));
        notPlain.put("缺表.xlsx", replace(base, "缺表.xlsx", "xl/_rels/workbook.xml.rels", "Id=\"rId3\"",
                "Id=\"rId9\""));
        StringBuilder big = new StringBuilder(SHEET_START);
        for (int row = 1; row <= XlsxCapture.MAX_CELLS / 10 + 1; row++) {
            big.append("<row r=\"").append(row).append("\">");
            for (char column = 'A'; column <= 'J'; column++) {
                big.append("<c r=\"").append(column).append(row).append("\"><v>").append(row).append("</v></c>");
            }
            big.append("</row>");
        }
        notPlain.put("大表.xlsx", sheet1("大表.xlsx", big.append(SHEET_END).toString()));

        int read = 0;
        for (Map.Entry<String, Path> file : notPlain.entrySet()) {
            String viaInspection = outcome(file.getValue(), false);
            assertThat(viaInspection).as(file.getKey()).isEqualTo(outcome(file.getValue(), true));
            if (!viaInspection.startsWith("refused")) {
                read++;
                assertThat(XlsxInspector.inspect(file.getValue(), ReadLimits.DEFAULTS))
                        .as("left to fastexcel: " + file.getKey()).isNull();
            }
        }
        // the comparison reached rows, not only refusals both readers agree on
        assertThat(read).isGreaterThanOrEqualTo(8);
    }

    /** Rows as read through {@link WorkbookReaders} (captured when plain), or with fastexcel after the inspection. */
    private static String outcome(Path file, boolean fastexcel) {
        return ReadSupport.outcome(fastexcel ? () -> {
            XlsxInspector.inspect(file, ReadLimits.DEFAULTS);
            return XlsxReader.open(file);
        } : () -> WorkbookReaders.open(file));
    }

    /** A workbook whose first sheet holds just these rows, put into {@code files} under its name. */
    private void putRows(Map<String, Path> files, String name, String rows) throws IOException {
        files.put(name, sheet1(name, SHEET_START + rows + SHEET_END));
    }

    private Path sheet1(String name, String xml) throws IOException {
        return ReadSupport.rewriteZip(HostileFiles.base(), dir.resolve(name),
                Map.of(SHEET1, out -> out.write(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private Path replace(Path source, String name, String part, String from, String to) throws IOException {
        String text = new String(ReadSupport.part(source, part), StandardCharsets.UTF_8);
        assertThat(text).as(part).contains(from);
        return ReadSupport.rewriteZip(source, dir.resolve(name),
                Map.of(part, out -> out.write(text.replace(from, to).getBytes(StandardCharsets.UTF_8))));
    }

    private static Path resource(String folder) throws URISyntaxException {
        return Path.of(XlsxCaptureTests.class.getResource(folder).toURI());
    }
}
