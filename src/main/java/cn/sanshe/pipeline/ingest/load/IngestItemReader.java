package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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

    private static final String FILE_KEY = "ingest.file";
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
        List<PendingFile> pending = new ArrayList<>();
        jdbc.query("""
                SELECT id, path, unit_code, period FROM ingest_file
                WHERE status = 'pending' AND district_code = ?
                ORDER BY period, unit_code, modified_at, id""",
                rs -> {
                    String path = rs.getString(2);
                    Path location = Path.of(path).isAbsolute() ? Path.of(path) : inbox.resolve(path);
                    String period = rs.getString(4);
                    pending.add(new PendingFile(rs.getLong(1), location, path, rs.getString(3),
                            period == null ? null : YearMonth.parse(period)));
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
        ahead = new ReadAhead(new PendingFiles(pending, catalog, emitted), check, checkThreads);
    }

    @Override
    public IngestItem read() throws InterruptedException {
        IngestItem item = ahead.next();
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
