package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row's period in sources.md's order — its own 统计月份, else the title, else the drop folder —
 * and what follows from it: a stale title moves nothing, a late file lands in its month, a sheet
 * whose rows carry two months is accounted for month by month, and a resubmission replaces only
 * the sheet of its true month, whichever of the two is loaded first.
 */
@SpringBootTest
class SheetPeriodIntegrationTests {

    static final String C1 = "130102001001";
    static final String C2 = "130102001002";

    @Autowired
    IngestRun ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    AccountingExport accounting;

    @TempDir
    Path inbox;

    @BeforeEach
    void reset() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
    }

    /** An S1 sheet under a title; {@code periodColumn} adds 统计月份 to every row (null: no such column). */
    static String profile(String title, String periodColumn, String... rows) {
        StringBuilder csv = new StringBuilder(title == null ? "" : title + "\n");
        csv.append("社区代码,社区名称,户数,常住人口,综合服务设施面积").append(periodColumn == null ? "" : ",统计月份").append('\n');
        for (String row : rows) {
            csv.append(row).append(periodColumn == null ? "" : "," + periodColumn).append('\n');
        }
        return csv.toString();
    }

    Path drop(String folder, String name, String csv, long minute) throws Exception {
        Path file = write(inbox, folder, STREET, name, csv, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_780_000_000_000L + minute * 60_000));
        return file;
    }

    List<Map<String, Object>> sheets() {
        return jdbc.queryForList("""
                SELECT s.id, f.path, s.period, s.period_source, s.period_note, s.superseded_by, s.rows_read,
                       s.rows_loaded, s.rows_rejected, s.rows_skipped
                FROM ingest_sheet s JOIN ingest_file f ON f.id = s.file_id ORDER BY f.path, s.period""");
    }

    Map<String, Object> sheet(String path, String period) {
        return sheets().stream().filter(s -> s.get("path").equals(path) && period.equals(s.get("period"))).findFirst()
                .orElseThrow(() -> new AssertionError("no sheet " + path + " " + period + " in " + sheets()));
    }

    List<String> accountingLines() throws Exception {
        Path csv = inbox.resolveSibling(inbox.getFileName() + "-accounting.csv");
        accounting.write(csv);
        return Files.readAllLines(csv, StandardCharsets.UTF_8);
    }

    @Test
    void aStaleTitleFilesTheSheetUnderItsRowsMonthAndLeavesTheEarlierMonthUntouched() throws Exception {
        drop("2026-08", "社区基本情况.csv", profile("建北街道社区基本情况表（2026年8月）", "2026-08",
                C1 + ",锦绣社区,1200,3000,300", C2 + ",金桥社区,800,2000,150"), 0);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();
        // September's workbook is August's copied: the 统计月份 column was updated, the title was not.
        drop("2026-09", "社区基本情况.csv", profile("建北街道社区基本情况表（2026年8月）", "2026-09",
                C1 + ",锦绣社区,1210,3010,300", C2 + ",金桥社区,805,2005,0"), 60);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();

        Map<String, Object> august = sheet("2026-08/" + STREET + "/社区基本情况.csv", "2026-08");
        assertThat(august.get("superseded_by")).as("the real August sheet still counts").isNull();
        assertThat(august).containsEntry("period_source", "统计月份列").containsEntry("rows_loaded", 2);
        Map<String, Object> september = sheet("2026-09/" + STREET + "/社区基本情况.csv", "2026-09");
        assertThat(september).containsEntry("period_source", "统计月份列")
                .containsEntry("period_note", "标题为2026年8月，按统计月份列记为2026-09").containsEntry("rows_loaded", 2);
        assertThat(september.get("superseded_by")).isNull();
        assertThat(sheets()).hasSize(2);
        assertThat(jdbc.queryForList("SELECT CONCAT(period, ' ', households) FROM stg_s1_community ORDER BY period, "
                + "community_code", String.class)).containsExactly("2026-08 1200", "2026-08 800", "2026-09 1210",
                        "2026-09 805");
        assertThat(accountingLines()).anySatisfy(line -> assertThat(line)
                .startsWith("2026-09/" + STREET + "/社区基本情况.csv,")
                .contains("," + STREET + ",2026-09,S1,")
                .endsWith(",2,2,0,0,loaded,标题为2026年8月，按统计月份列记为2026-09,统计月份列"));
    }

    @Test
    void aLateFileWithoutPeriodColumnLandsInItsTitlesMonthAndLeavesTheFoldersMonthAlone() throws Exception {
        drop("2026-10", "社区基本情况.csv", profile("建北街道社区基本情况表（2026年10月）", null,
                C1 + ",锦绣社区,1300,3100,300"), 0);
        // September's sheet, late: dropped with October's files, the month only in its title.
        drop("2026-10", "社区基本情况-9月补报.csv", profile("建北街道社区基本情况表（2026年9月）", null,
                C1 + ",锦绣社区,1250,3050,300"), 10);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();

        Map<String, Object> october = sheet("2026-10/" + STREET + "/社区基本情况.csv", "2026-10");
        assertThat(october.get("superseded_by")).as("a late file is not October's resubmission").isNull();
        assertThat(october).containsEntry("period_source", "标题");
        assertThat(october.get("period_note")).isNull();
        Map<String, Object> late = sheet("2026-10/" + STREET + "/社区基本情况-9月补报.csv", "2026-09");
        assertThat(late).containsEntry("period_source", "标题")
                .containsEntry("period_note", "文件夹为2026-10，按标题记为2026-09").containsEntry("rows_loaded", 1);
        assertThat(late.get("superseded_by")).isNull();
        assertThat(jdbc.queryForList("SELECT CONCAT(period, ' ', households) FROM stg_s1_community ORDER BY period",
                String.class)).containsExactly("2026-09 1250", "2026-10 1300");
        assertThat(accountingLines()).anySatisfy(line -> assertThat(line).contains("社区基本情况-9月补报.csv,")
                .contains(",2026-09,S1,").endsWith(",1,1,0,0,loaded,文件夹为2026-10，按标题记为2026-09,标题"));
    }

    @Test
    void aSheetWhoseRowsCarryTwoMonthsIsSplitByMonthAndEveryRowIsAccountedFor() throws Exception {
        String csv = "建北街道社区基本情况表\n社区代码,社区名称,户数,常住人口,综合服务设施面积,统计月份\n"
                + C1 + ",锦绣社区,1200,3000,300,2026-08\n"
                + C2 + ",金桥社区,800,2000,150,2026-08\n"
                + ",,,,,\n"
                + C1 + ",锦绣社区,1210,3010,300,2026年9月\n"
                + C2 + ",金桥社区,八百,2005,0,2026-09\n"
                + "合计,,2010,5010,450,\n";
        drop("2026-09", "两个月.csv", csv, 0);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();

        String path = "2026-09/" + STREET + "/两个月.csv";
        Map<String, Object> august = sheet(path, "2026-08");
        Map<String, Object> september = sheet(path, "2026-09");
        assertThat(sheets()).hasSize(2);
        assertThat(august).containsEntry("rows_loaded", 2).containsEntry("rows_rejected", 0)
                .containsEntry("period_source", "统计月份列")
                .containsEntry("period_note", "文件夹为2026-09，按统计月份列记为2026-08");
        assertThat(september).containsEntry("rows_loaded", 1).containsEntry("rows_rejected", 1)
                .containsEntry("period_source", "统计月份列");
        assertThat(september.get("period_note")).isNull();
        // The blank row and the 合计 row are counted with the part they sit in; nothing is lost.
        int read = (Integer) august.get("rows_read") + (Integer) september.get("rows_read");
        int accounted = 0;
        for (Map<String, Object> part : List.of(august, september)) {
            assertThat((Integer) part.get("rows_read")).isEqualTo((Integer) part.get("rows_loaded")
                    + (Integer) part.get("rows_rejected") + (Integer) part.get("rows_skipped"));
            accounted += (Integer) part.get("rows_loaded") + (Integer) part.get("rows_rejected")
                    + (Integer) part.get("rows_skipped");
        }
        assertThat(read).isEqualTo(6).isEqualTo(accounted);
        assertThat(jdbc.queryForObject("SELECT period FROM ingest_reject", String.class))
                .as("a rejected row belongs to its own month").isEqualTo("2026-09");
        assertThat(jdbc.queryForList("SELECT period FROM stg_s1_community ORDER BY row_no", String.class))
                .containsExactly("2026-08", "2026-08", "2026-09");
        assertThat(accountingLines()).filteredOn(line -> line.contains("两个月.csv")).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("该表含多个统计月份的行，按月份分开记账"));
    }

    @Test
    void aResubmissionReplacesOnlyTheSheetOfItsTrueMonth() throws Exception {
        drop("2026-09", "社区基本情况.csv", profile("建北街道社区基本情况表（2026年9月）", "2026-09",
                C1 + ",锦绣社区,1200,3000,300"), 0);
        drop("2026-10", "社区基本情况.csv", profile("建北街道社区基本情况表（2026年10月）", "2026-10",
                C1 + ",锦绣社区,1300,3100,300"), 60);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();
        // September corrected, sent with November's files: its rows say 2026-09, its title 10月 (copied).
        drop("2026-11", "社区基本情况-更正.csv", profile("建北街道社区基本情况表（2026年10月）", "2026-09",
                C1 + ",锦绣社区,1205,3000,300"), 120);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();

        Map<String, Object> correction = sheet("2026-11/" + STREET + "/社区基本情况-更正.csv", "2026-09");
        assertThat(sheet("2026-09/" + STREET + "/社区基本情况.csv", "2026-09").get("superseded_by"))
                .isEqualTo(correction.get("id"));
        assertThat(sheet("2026-10/" + STREET + "/社区基本情况.csv", "2026-10").get("superseded_by"))
                .as("October is not what was corrected").isNull();
        assertThat(correction.get("superseded_by")).isNull();
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(s.period, ' ', s.households) FROM stg_s1_community s
                JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL ORDER BY s.period""",
                String.class)).containsExactly("2026-09 1205", "2026-10 1300");
    }

    @Test
    void theNewerDropIsInForceWhicheverIsLoadedFirst() throws Exception {
        // The correction (newer file time) arrives in an earlier run than the sheet it corrects.
        drop("2026-10", "社区基本情况-更正.csv", profile(null, "2026-09", C1 + ",锦绣社区,1205,3000,300"), 120);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();
        drop("2026-09", "社区基本情况.csv", profile(null, "2026-09", C1 + ",锦绣社区,1200,3000,300"), 0);
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();

        Map<String, Object> correction = sheet("2026-10/" + STREET + "/社区基本情况-更正.csv", "2026-09");
        Map<String, Object> original = sheet("2026-09/" + STREET + "/社区基本情况.csv", "2026-09");
        assertThat(correction.get("superseded_by")).isNull();
        assertThat(original.get("superseded_by")).isEqualTo(correction.get("id"));
        assertThat(jdbc.queryForList("""
                SELECT s.households FROM stg_s1_community s
                JOIN ingest_sheet sh ON sh.id = s.sheet_id AND sh.superseded_by IS NULL""", Integer.class))
                .containsExactly(1205);
    }
}
