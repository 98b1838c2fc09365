package cn.sanshe.pipeline.ingest;

import static cn.sanshe.pipeline.ingest.IngestFixtures.STREET;
import static cn.sanshe.pipeline.ingest.IngestFixtures.id;
import static cn.sanshe.pipeline.ingest.IngestFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.inbox.Drop;
import cn.sanshe.pipeline.ingest.inbox.FileRegistry;
import cn.sanshe.pipeline.ingest.inbox.InboxScanTasklet;
import cn.sanshe.pipeline.ingest.read.HostileFiles;
import cn.sanshe.pipeline.reference.DivisionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every file of the inbox has its line in the accounting, whatever became of it: copies (重复, naming
 * the original), hidden files, links and unknown units' folders (refused, not read); and a file
 * that breaks the reader or took a run down never stops the next one.
 */
@SpringBootTest
class InboxAccountingIntegrationTests {

    @Autowired
    IngestRun ingest;

    @Autowired
    AccountingExport accounting;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DivisionLoader divisions;

    @Autowired
    FileRegistry registry;

    @TempDir
    Path inbox;

    @TempDir
    Path outside;

    @BeforeEach
    void reset() throws Exception {
        IngestFixtures.resetDatabase(jdbc, divisions);
    }

    static String roster(String name, int sequence) {
        return IngestJobIntegrationTests.roster("1," + name + "," + id("19850305", sequence)
                + ",男,1985-03-05,本科,主任,是,无,130102001001");
    }

    private Map<String, CSVRecord> accountingByFile() throws Exception {
        Path out = outside.resolve("accounting.csv");
        accounting.write(out);
        String text = Files.readString(out, StandardCharsets.UTF_8).substring(1);
        Map<String, CSVRecord> byFile = new TreeMap<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().get().parse(new java.io.StringReader(text))) {
            byFile.put(record.get("file"), record);
        }
        return byFile;
    }

    /**
     * The recorded hash is how a file already received is known again, in this database and in any
     * made before: it must stay the lowercase hex SHA-256 of the file's bytes however the file is
     * read (here one of some 150 KB, many read blocks and a partial last one).
     */
    @Test
    void theRecordedHashIsTheSha256OfTheWholeFile() throws Exception {
        String[] lines = new String[2000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (i + 1) + ",张伟" + i + "," + id("19850305", i % 999 + 1) + ",男,1985-03-05,本科,主任,是,无,130102001001";
        }
        Path file = write(inbox, "2026-10", STREET, "花名册.csv", IngestJobIntegrationTests.roster(lines),
                StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isGreaterThan(100_000);

        ingest.inbox(inbox, null);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(jdbc.queryForObject("SELECT sha256 FROM ingest_file", String.class)).isEqualTo(expected);
    }

    @Test
    void copiesAreListedAsRepeatsOfTheFileDroppedFirst() throws Exception {
        String text = roster("张伟", 11);
        Path copy = write(inbox, "2026-10", STREET, "花名册 - 副本.csv", text, StandardCharsets.UTF_8);
        Path original = write(inbox, "2026-10", STREET, "花名册.csv", text, StandardCharsets.UTF_8);
        Path later = write(inbox, "2026-10", STREET, "花名册(1).csv", text, StandardCharsets.UTF_8);
        Path earliest = write(inbox, "2026-10", STREET, "a花名册 (2).csv", text, StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-11-03T02:00:00Z");
        // the copy and the original dropped at the same moment; one copy later, another earlier
        Files.setLastModifiedTime(copy, FileTime.from(now));
        Files.setLastModifiedTime(original, FileTime.from(now));
        Files.setLastModifiedTime(later, FileTime.from(now.plusSeconds(60)));
        Files.setLastModifiedTime(earliest, FileTime.from(now.plusSeconds(30)));

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForObject("SELECT path FROM ingest_file", String.class))
                .as("at equal times the name without a copy suffix is the original")
                .isEqualTo("2026-10/130102001/花名册.csv");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isOne();
        Map<String, CSVRecord> lines = accountingByFile();
        assertThat(lines).hasSize(4);
        assertThat(lines.get("2026-10/130102001/花名册.csv").get("status")).isEqualTo("loaded");
        for (String name : List.of("花名册 - 副本.csv", "花名册(1).csv", "a花名册 (2).csv")) {
            CSVRecord line = lines.get("2026-10/130102001/" + name);
            assertThat(line.get("status")).isEqualTo("重复");
            assertThat(line.get("note")).contains("2026-10/130102001/花名册.csv");
            assertThat(line.get("unit")).isEqualTo(STREET);
            assertThat(line.get("period")).isEqualTo("2026-10");
            assertThat(line.get("sha256")).isEqualTo(lines.get("2026-10/130102001/花名册.csv").get("sha256"));
        }
    }

    @Test
    void aCopyInTheNextBatchOfTheScanIsARepeatOfTheFileBeforeIt() throws Exception {
        // The scan hashes a batch of 500 drops while it records the batch before: the original ends the
        // first batch, its copy opens the second, which was hashed before the original was recorded.
        Instant start = Instant.parse("2026-11-03T02:00:00Z");
        int fillers = InboxScanTasklet.BATCH - 1;
        for (int i = 0; i < fillers; i++) {
            Path filler = inbox.resolve("杂项").resolve("文件" + i + ".txt");
            Files.createDirectories(filler.getParent());
            Files.writeString(filler, "第" + i + "个");
            Files.setLastModifiedTime(filler, FileTime.from(start.plusSeconds(i)));
        }
        String text = roster("张伟", 11);
        Path original = write(inbox, "2026-10", STREET, "花名册.csv", text, StandardCharsets.UTF_8);
        Path copy = write(inbox, "2026-10", STREET, "花名册 - 副本.csv", text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(original, FileTime.from(start.plusSeconds(fillers)));
        Files.setLastModifiedTime(copy, FileTime.from(start.plusSeconds(fillers + 1)));

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file WHERE status = 'refused'", Integer.class))
                .as("the misplaced fillers").isEqualTo(fillers);
        assertThat(jdbc.queryForList("SELECT path FROM ingest_file WHERE status = 'loaded'", String.class))
                .containsExactly("2026-10/130102001/花名册.csv");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("""
                SELECT f.path FROM ingest_drop d JOIN ingest_file f ON f.id = d.file_id
                WHERE d.path = '2026-10/130102001/花名册 - 副本.csv'""", String.class))
                .isEqualTo("2026-10/130102001/花名册.csv");
        assertThat(accountingByFile().get("2026-10/130102001/花名册 - 副本.csv").get("status")).isEqualTo("重复");
    }

    @Test
    void aDropThatCannotBeReadWhenItIsHashedIsListedAsNotReadAndTheOthersAreRegistered() throws Exception {
        // Listed by the walk, then gone (an upload replaced during the night), or not a readable file by
        // the time it is hashed: as root no permission stops a read, a folder under a file's name does.
        Path gone = inbox.resolve("2026-10").resolve(STREET).resolve("已删除.csv");
        Path folder = Files.createDirectories(inbox.resolve("2026-10").resolve(STREET).resolve("像文件的文件夹.csv"));
        Path roster = write(inbox, "2026-10", STREET, "花名册.csv", roster("张伟", 11), StandardCharsets.UTF_8);
        YearMonth month = YearMonth.of(2026, 10);
        List<Drop> drops = List.of(
                new Drop(gone, "2026-10/130102001/已删除.csv", month, STREET, null),
                new Drop(folder, "2026-10/130102001/像文件的文件夹.csv", month, STREET, null),
                new Drop(roster, "2026-10/130102001/花名册.csv", month, STREET, null));

        List<FileRegistry.Registered> outcomes = registry.registerAll(drops);

        assertThat(outcomes).containsExactly(FileRegistry.Registered.NOT_READ, FileRegistry.Registered.NOT_READ,
                FileRegistry.Registered.NEW);
        assertThat(jdbc.queryForList("SELECT path FROM ingest_file", String.class))
                .containsExactly("2026-10/130102001/花名册.csv");
        assertThat(jdbc.queryForList("SELECT path FROM ingest_drop", String.class))
                .containsExactly("2026-10/130102001/花名册.csv");
        assertThat(jdbc.queryForList("SELECT reason FROM ingest_refused_drop ORDER BY path", String.class))
                .hasSize(2).allSatisfy(reason -> assertThat(reason).contains("无法读取").contains("下次运行会再试"));
    }

    /**
     * New drops are appended in bulk, and the path column compares as text: two files whose names differ
     * only in case are two files on disk and one key to the database. Both are read, and the scan does
     * not fail on the second.
     */
    @Test
    void twoFilesWhoseNamesDifferOnlyInCaseAreBothReadAndTheScanGoesOn() throws Exception {
        write(inbox, "2026-10", STREET, "花名册.csv", roster("张伟", 11), StandardCharsets.UTF_8);
        write(inbox, "2026-10", STREET, "花名册.CSV", roster("李强", 13), StandardCharsets.UTF_8);

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForList("SELECT status FROM ingest_file", String.class)).containsExactly("loaded", "loaded");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_drop d JOIN ingest_file f ON f.id = d.file_id",
                Integer.class)).isEqualTo(1);

        IngestRun.Result again = ingest.inbox(inbox, null);
        assertThat(again.outcome().succeeded()).as(again.outcome().describe()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isEqualTo(2);
    }

    @Test
    void aFileOverwrittenUnderItsNameIsReadAgainAndItsDropPointsAtTheNewBytes() throws Exception {
        Path roster = write(inbox, "2026-10", STREET, "花名册.csv", roster("张伟", 11), StandardCharsets.UTF_8);
        write(inbox, "2026-10", STREET, "花名册2.csv", roster("李娜", 22), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(roster, FileTime.from(Instant.parse("2026-11-03T02:00:00Z")));
        assertThat(ingest.inbox(inbox, null).outcome().succeeded()).isTrue();
        long firstId = jdbc.queryForObject("SELECT id FROM ingest_file WHERE path LIKE '%/花名册.csv'", Long.class);

        String corrected = roster("张伟", 11) + "2,王强," + id("19900101", 33) + ",男,1990-01-01,本科,委员,否,无,130102001001\n";
        Files.writeString(roster, corrected, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(roster, FileTime.from(Instant.parse("2026-11-04T02:00:00Z")));
        IngestRun.Result again = ingest.inbox(inbox, null);

        assertThat(again.outcome().succeeded()).as(again.outcome().describe()).isTrue();
        Map<String, Object> drop = jdbc.queryForMap(
                "SELECT file_id, size_bytes, modified_at FROM ingest_drop WHERE path = '2026-10/130102001/花名册.csv'");
        long newId = ((Number) drop.get("file_id")).longValue();
        assertThat(newId).as("the drop now names the new bytes").isNotEqualTo(firstId);
        assertThat(((Number) drop.get("size_bytes")).longValue()).isEqualTo(Files.size(roster));
        assertThat(((Number) drop.get("modified_at")).longValue())
                .isEqualTo(Instant.parse("2026-11-04T02:00:00Z").toEpochMilli());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_drop", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_file", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_file WHERE id = ?", String.class, newId))
                .isEqualTo("loaded");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker s JOIN ingest_sheet h ON h.id = s.sheet_id "
                + "WHERE h.file_id = ?", Integer.class, newId)).isEqualTo(2);
    }

    @Test
    void hiddenFilesLinksAndUnknownUnitsAreListedAsRefusedAndNeverRead() throws Exception {
        write(inbox, "2026-10", STREET, "花名册.csv", roster("张伟", 11), StandardCharsets.UTF_8);
        write(inbox, "2026-10", STREET, ".隐藏.csv", roster("李娜", 22), StandardCharsets.UTF_8);
        write(inbox, "2026-10", STREET, "~$花名册.xlsx", "lock", StandardCharsets.UTF_8);
        Path secret = Files.writeString(outside.resolve("secret.csv"), roster("王强", 33));
        Files.createSymbolicLink(inbox.resolve("2026-10").resolve(STREET).resolve("链接.csv"), secret);
        Files.createSymbolicLink(inbox.resolve("2026-10").resolve(STREET).resolve("passwd.csv"), Path.of("/etc/passwd"));
        write(inbox, "2026-10", "999999999", "花名册.csv", roster("赵六", 44), StandardCharsets.UTF_8);

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForList("SELECT name FROM stg_s3_worker", String.class)).containsExactly("张伟");
        assertThat(jdbc.queryForList("SELECT path FROM ingest_file", String.class))
                .containsExactly("2026-10/130102001/花名册.csv");
        Map<String, CSVRecord> lines = accountingByFile();
        assertThat(lines.get("2026-10/130102001/.隐藏.csv").get("status")).isEqualTo("refused");
        assertThat(lines.get("2026-10/130102001/.隐藏.csv").get("note")).contains("隐藏文件");
        assertThat(lines.get("2026-10/130102001/~$花名册.xlsx").get("note")).contains("临时锁文件");
        assertThat(lines.get("2026-10/130102001/链接.csv").get("note")).contains("符号链接");
        assertThat(lines.get("2026-10/130102001/passwd.csv").get("note")).contains("符号链接");
        assertThat(lines.get("2026-10/999999999/花名册.csv").get("status")).isEqualTo("refused");
        assertThat(lines.get("2026-10/999999999/花名册.csv").get("note")).contains("不是区划表中的报送单位");
        assertThat(result.summary()).anySatisfy(line -> assertThat(line).contains("未读取 2026-10/999999999/花名册.csv"));

        // once the unit is in the reference, the next run reads its file
        jdbc.update("""
                INSERT INTO division (code, name, level, parent_code, urban_rural, district_code, street_code, loaded_at)
                SELECT '999999999000', '测试街道', level, parent_code, urban_rural, '999999', '999999999', NOW(6)
                FROM division WHERE code = '130102001000'""");
        try {
            IngestRun.Result again = ingest.inbox(inbox, null);
            assertThat(again.outcome().succeeded()).as(again.outcome().describe()).isTrue();
            assertThat(jdbc.queryForList("SELECT path FROM ingest_file ORDER BY path", String.class))
                    .containsExactly("2026-10/130102001/花名册.csv", "2026-10/999999999/花名册.csv");
            assertThat(accountingByFile()).doesNotContainKey(null).containsKey("2026-10/999999999/花名册.csv");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ingest_refused_drop WHERE path LIKE '%999999999%'",
                    Integer.class)).isZero();
        } finally {
            jdbc.update("DELETE FROM division WHERE code = '999999999000'");
        }
    }

    @Test
    void blankRowsOfAHugeSheetAreCountedAsSkipped() throws Exception {
        StringBuilder csv = new StringBuilder(roster("张伟", 11));
        for (int i = 0; i < 200_000; i++) {
            csv.append(",,,,,,,,,\n");
        }
        write(inbox, "2026-10", STREET, "花名册.csv", csv.toString(), StandardCharsets.UTF_8);

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        Map<String, Object> sheet = jdbc.queryForMap("SELECT rows_read, rows_loaded, rows_skipped FROM ingest_sheet");
        assertThat(sheet).containsEntry("rows_read", 200_001).containsEntry("rows_loaded", 1)
                .containsEntry("rows_skipped", 200_000);
    }

    @Test
    void aPoisonFileIsRefusedTheRunCompletesAndItIsNotRetriedUnlessItChanges() throws Exception {
        write(inbox, "2026-10", STREET, "花名册.csv", roster("张伟", 11), StandardCharsets.UTF_8);
        Path dir = inbox.resolve("2026-10").resolve(STREET);
        Path poison = HostileFiles.characterReferenceInCellReference(dir.resolve("社区.xlsx"));

        IngestRun.Result first = ingest.inbox(inbox, null);

        assertThat(first.outcome().succeeded()).as(first.outcome().describe()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_s3_worker", Integer.class)).isOne();
        Map<String, Object> refused = jdbc.queryForMap(
                "SELECT status, reason, read_attempts FROM ingest_file WHERE path LIKE '%社区.xlsx'");
        assertThat(refused).containsEntry("status", "refused").containsEntry("read_attempts", 1);
        assertThat((String) refused.get("reason")).contains("单元格位置超出Excel的范围");

        IngestRun.Result second = ingest.inbox(inbox, null);

        assertThat(second.outcome().succeeded()).isTrue();
        assertThat(jdbc.queryForObject("SELECT read_attempts FROM ingest_file WHERE path LIKE '%社区.xlsx'",
                Integer.class)).as("not read again").isEqualTo(1);

        // the street sends a corrected file under the same name: new bytes, read again
        Files.delete(poison);
        write(inbox, "2026-10", STREET, "社区.xlsx", roster("李娜", 23), StandardCharsets.UTF_8);
        IngestRun.Result third = ingest.inbox(inbox, null);

        assertThat(third.outcome().succeeded()).as(third.outcome().describe()).isTrue();
        assertThat(jdbc.queryForList("SELECT CONCAT(path, ' ', status, ' ', COALESCE(reason, '')) FROM ingest_file",
                String.class)).as(String.join("\n", third.summary())).hasSize(3);
        assertThat(jdbc.queryForList("SELECT name FROM stg_s3_worker ORDER BY name", String.class))
                .containsExactlyInAnyOrder("张伟", "李娜");
    }

    @Test
    void aFileThatTookEarlierRunsDownIsQuarantinedWithItsReasonAndTheRestLoads() throws Exception {
        write(inbox, "2026-10", STREET, "花名册.csv", roster("张伟", 11), StandardCharsets.UTF_8);
        write(inbox, "2026-10", STREET, "崩溃.csv", roster("李娜", 22), StandardCharsets.UTF_8);
        write(inbox, "2026-10", STREET, "失败.csv", roster("王强", 33), StandardCharsets.UTF_8);
        // As two runs that died reading 崩溃.csv (kill -9, out of memory) and one whose step failed on 失败.csv
        // leave them: registered, pending, their attempts and failure recorded.
        jdbc.update("""
                INSERT INTO ingest_file (sha256, path, unit_code, district_code, period, size_bytes, modified_at, status,
                                         received_at, read_attempts, failure)
                VALUES (SHA2('a', 256), '2026-10/130102001/崩溃.csv', '130102001', '130102', '2026-10', 1, 1, 'pending',
                        NOW(6), 2, NULL),
                       (SHA2('b', 256), '2026-10/130102001/失败.csv', '130102001', '130102', '2026-10', 1, 1, 'pending',
                        NOW(6), 1, 'java.lang.IllegalStateException: 校验线程出错')""");
        for (String name : List.of("崩溃.csv", "失败.csv")) {
            Path file = inbox.resolve("2026-10").resolve(STREET).resolve(name);
            jdbc.update("""
                    INSERT INTO ingest_drop (path, size_bytes, modified_at, file_id, seen_at)
                    SELECT path, ?, ?, id, NOW(6) FROM ingest_file WHERE path = ?""",
                    Files.size(file), Files.getLastModifiedTime(file).toMillis(), "2026-10/130102001/" + name);
        }

        IngestRun.Result result = ingest.inbox(inbox, null);

        assertThat(result.outcome().succeeded()).as(result.outcome().describe()).isTrue();
        assertThat(jdbc.queryForList("SELECT name FROM stg_s3_worker", String.class)).containsExactly("张伟");
        Map<String, CSVRecord> lines = accountingByFile();
        assertThat(lines.get("2026-10/130102001/崩溃.csv").get("status")).isEqualTo("refused");
        assertThat(lines.get("2026-10/130102001/崩溃.csv").get("note")).contains("已有2次运行在读取此文件时中断");
        assertThat(lines.get("2026-10/130102001/失败.csv").get("status")).isEqualTo("refused");
        assertThat(lines.get("2026-10/130102001/失败.csv").get("note")).contains("导致入库失败").contains("校验线程出错");
    }
}
