package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.UnaryOperator;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Items of every pending file of one district, file after file, already checked: they are read and
 * checked ahead of the step ({@link ReadAhead}) while it writes. Its restart state is the file the
 * step was taking items of and how many of them it had taken at the last commit: files before it
 * are already marked loaded or refused (in the same transactions), and the file's items are
 * re-produced and passed over up to that count — so a crash anywhere loads no row twice and loses
 * none.
 */
class IngestItemReader implements ItemStreamReader<IngestItem> {

    private static final Logger log = LoggerFactory.getLogger(IngestItemReader.class);
    private static final String FILE_KEY = "ingest.file";
    /** Two runs that died reading the same file: the file is the likely cause. */
    static final int MAX_ATTEMPTS = 2;
    private static final String EMITTED_KEY = "ingest.emitted";

    private final JdbcTemplate jdbc;
    private final TemplateCatalog catalog;
    private final Path inbox;
    private final String districtCode;
    private final UnaryOperator<IngestItem> check;
    private final int checkThreads;
    private ReadAhead ahead;
    private long currentFileId;
    private long emitted;

    IngestItemReader(JdbcTemplate jdbc, TemplateCatalog catalog, Path inbox, String districtCode,
            UnaryOperator<IngestItem> check, int checkThreads) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.inbox = inbox;
        this.districtCode = districtCode;
        this.check = check;
        this.checkThreads = checkThreads;
    }

    @Override
    public void open(ExecutionContext context) {
        close();
        quarantine();
        List<PendingFile> pending = new ArrayList<>();
        Set<Long> suspects = new HashSet<>();
        jdbc.query("""
                SELECT id, path, unit_code, period, read_attempts FROM ingest_file
                WHERE status = 'pending' AND district_code = ?
                ORDER BY period, unit_code, modified_at, id""",
                rs -> {
                    String path = rs.getString(2);
                    Path location = Path.of(path).isAbsolute() ? Path.of(path) : inbox.resolve(path);
                    String period = rs.getString(4);
                    pending.add(new PendingFile(rs.getLong(1), location, path, rs.getString(3),
                            period == null ? null : YearMonth.parse(period)));
                    if (rs.getInt(5) > 0) {
                        suspects.add(rs.getLong(1));
                    }
                }, districtCode);
        currentFileId = 0;
        emitted = 0;
        if (context.containsKey(FILE_KEY)) {
            long fileId = context.getLong(FILE_KEY);
            // A file no longer pending was finished in the last committed chunk: start afresh.
            if (pending.stream().anyMatch(file -> file.id() == fileId)) {
                while (pending.get(0).id() != fileId) {
                    pending.remove(0);
                }
                currentFileId = fileId;
                emitted = context.getLong(EMITTED_KEY);
            }
        }
        ReadAttempts attempts = new ReadAttempts(pending, suspects, this::countAttempt);
        ahead = new ReadAhead(new PendingFiles(pending, catalog, emitted, attempts::starting), check, checkThreads);
    }

    /**
     * Files that took an earlier run down are set aside before anything is read: one whose reading
     * or checking failed a step (the reason was recorded then), or one that two runs started to read
     * and neither finished (the process died with it: killed, or out of memory). Refused, with the
     * reason, so one file never stops the nightly run; a corrected file (new bytes) is read again.
     */
    private void quarantine() {
        // Found by a plain read, then refused one by one by primary key: an UPDATE over the
        // district's range would lock it and meet the other districts' chunks in a deadlock.
        List<Long> suspects = jdbc.queryForList("""
                SELECT id FROM ingest_file
                WHERE status = 'pending' AND district_code = ? AND (failure IS NOT NULL OR read_attempts >= ?)""",
                Long.class, districtCode, MAX_ATTEMPTS);
        for (long id : suspects) {
            jdbc.update("""
                    UPDATE ingest_file SET status = 'refused', loaded_at = CURRENT_TIMESTAMP(6),
                           reason = CASE WHEN failure IS NOT NULL
                               THEN LEFT(CONCAT('此文件在上次运行中导致入库失败，已隔离（修正后重新报送即可）：', failure), 1000)
                               ELSE CONCAT('已有', read_attempts, '次运行在读取此文件时中断（进程终止或内存耗尽），已隔离；',
                                           '修正后重新报送即可') END
                    WHERE id = ? AND status = 'pending'""", id);
            log.warn("district {}: file {} quarantined after failing an earlier run", districtCode, id);
        }
    }

    /** On the reading thread, outside the step's transaction: committed at once, so it outlives a crash. */
    private void countAttempt(List<Long> fileIds) {
        jdbc.update("UPDATE ingest_file SET read_attempts = read_attempts + 1 WHERE id IN ("
                + String.join(", ", Collections.nCopies(fileIds.size(), "?")) + ")", fileIds.toArray());
    }

    /** Records why a file failed the step, in a transaction of its own (the step's is rolled back). */
    private RuntimeException failed(ReadAhead.FileFailure failure) {
        String path = failure.path() != null ? failure.path() : jdbc.queryForObject(
                "SELECT path FROM ingest_file WHERE id = ?", String.class, failure.fileId());
        Throwable cause = failure.getCause();
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        log.error("{}: reading or checking it failed the step", path, cause);
        CompletableFuture.runAsync(() -> jdbc.update("UPDATE ingest_file SET failure = LEFT(?, 900) WHERE id = ?",
                why, failure.fileId())).join();
        return new IllegalStateException("读取文件 " + path + " 时出错：" + why + "；重启后此文件将被隔离（拒收并注明原因），其余文件照常入库");
    }

    @Override
    public IngestItem read() throws InterruptedException {
        IngestItem item;
        try {
            item = ahead.next();
        } catch (ReadAhead.FileFailure failure) {
            throw failed(failure);
        }
        if (item == null) {
            return null;
        }
        if (item.fileId() != currentFileId) {
            currentFileId = item.fileId();
            emitted = 0;
        }
        emitted++;
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(FILE_KEY, currentFileId);
        context.putLong(EMITTED_KEY, emitted);
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.close();
            ahead = null;
        }
    }
}
