package cn.sanshe.pipeline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small .xlsx is opened from memory, a large one from its file: on the same workbooks, the clerks'
 * and broken ones alike (cut short, a sheet its relationship does not find), both ways give the same
 * sheets and rows or the same refusal.
 */
class XlsxReadOnceTests {

    @TempDir
    Path dir;

    @Test
    void openingAWorkbookFromMemoryGivesWhatOpeningItsFileGives() throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String folder : List.of("/ingest/clerks", "/ingest/read")) {
            try (Stream<Path> listed = Files.list(resource(folder))) {
                listed.filter(p -> p.toString().endsWith(".xlsx")).sorted()
                        .forEach(p -> files.put(p.getFileName().toString(), p));
            }
        }
        Path base = HostileFiles.base();
        byte[] whole = Files.readAllBytes(base);
        files.put("cut-in-half.xlsx", Files.write(dir.resolve("cut-in-half.xlsx"),
                Arrays.copyOf(whole, whole.length / 2)));
        files.put("no-directory.xlsx", Files.write(dir.resolve("no-directory.xlsx"),
                Arrays.copyOf(whole, whole.length - 22)));
        // (not the hostile corpus: what the inspection refuses would cost the reader, unguarded here, half a minute)
        String rels = new String(ReadSupport.part(base, "xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        files.put("sheet-nowhere.xlsx", ReadSupport.rewriteZip(base, dir.resolve("sheet-nowhere.xlsx"),
                Map.of("xl/_rels/workbook.xml.rels", out -> out.write(rels.replace("worksheets/sheet1.xml",
                        "worksheets/missing.xml").getBytes(StandardCharsets.UTF_8)))));
        files.put("no-workbook.xlsx", ReadSupport.rewriteZip(base, dir.resolve("no-workbook.xlsx"),
                Map.of("xl/workbook.xml", out -> out.write("<workbook/>".getBytes()))));

        int read = 0;
        int refused = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String fromMemory = outcome(file.getValue(), XlsxReader.READ_WHOLE_BYTES);
            String fromFile = outcome(file.getValue(), 0);

            assertThat(fromMemory).as(file.getKey()).isEqualTo(fromFile);
            if (fromMemory.startsWith("refused")) {
                refused++;
            } else {
                read++;
            }
        }
        // both kinds were compared, not only refusals of a reader that opens nothing
        assertThat(read).isGreaterThanOrEqualTo(10);
        assertThat(refused).isGreaterThanOrEqualTo(2);
    }

    private static String outcome(Path file, int readWholeBytes) {
        return ReadSupport.outcome(() -> XlsxReader.open(file, readWholeBytes));
    }

    private static Path resource(String folder) throws URISyntaxException {
        return Path.of(XlsxReadOnceTests.class.getResource(folder).toURI());
    }
}
