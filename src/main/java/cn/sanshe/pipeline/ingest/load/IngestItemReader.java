package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Items of every pending file of one district, file after file. Its restart state is the file
 * being read and how many of its items were committed: files before it are already marked
 * loaded or refused (in the same transactions), and the file's items are re-produced and skipped
 * up to that count — so a crash anywhere loads no row twice and loses none.
 */
class IngestItemReader implements ItemStreamReader<IngestItem> {

    private static final String FILE_KEY = "ingest.file";
    private static final String EMITTED_KEY = "ingest.emitted";

    private final JdbcTemplate jdbc;
    private final TemplateCatalog catalog;
    private final Path inbox;
    private final String districtCode;
    private final Deque<PendingFile> queue = new ArrayDeque<>();
    private FileItems current;
    private long currentFileId;
    private long emitted;

    IngestItemReader(JdbcTemplate jdbc, TemplateCatalog catalog, Path inbox, String districtCode) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.inbox = inbox;
        this.districtCode = districtCode;
    }

    @Override
    public void open(ExecutionContext context) {
        queue.clear();
        jdbc.query("""
                SELECT id, path, unit_code, period FROM ingest_file
                WHERE status = 'pending' AND district_code = ?
                ORDER BY period, unit_code, modified_at, id""",
                rs -> {
                    String path = rs.getString(2);
                    Path location = Path.of(path).isAbsolute() ? Path.of(path) : inbox.resolve(path);
                    String period = rs.getString(4);
                    queue.add(new PendingFile(rs.getLong(1), location, path, rs.getString(3),
                            period == null ? null : YearMonth.parse(period)));
                }, districtCode);
        if (context.containsKey(FILE_KEY)) {
            long fileId = context.getLong(FILE_KEY);
            long skip = context.getLong(EMITTED_KEY);
            // A file no longer pending was finished in the last committed chunk: start afresh.
            if (queue.stream().anyMatch(file -> file.id() == fileId)) {
                while (queue.peek().id() != fileId) {
                    queue.poll();
                }
                openNext();
                for (long i = 0; i < skip && current != null; i++) {
                    read();
                }
            }
        }
    }

    @Override
    public IngestItem read() {
        while (true) {
            if (current == null && !openNext()) {
                return null;
            }
            IngestItem item = current.next();
            if (item != null) {
                emitted++;
                return item;
            }
            closeCurrent();
        }
    }

    private boolean openNext() {
        PendingFile next = queue.poll();
        if (next == null) {
            return false;
        }
        current = new FileItems(next, catalog);
        currentFileId = next.id();
        emitted = 0;
        return true;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(FILE_KEY, currentFileId);
        context.putLong(EMITTED_KEY, emitted);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            current = null;
        }
    }
}
