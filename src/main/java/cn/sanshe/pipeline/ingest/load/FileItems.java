package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.read.FileRefusedException;
import cn.sanshe.pipeline.ingest.read.SheetRow;
import cn.sanshe.pipeline.ingest.read.WorkbookReader;
import cn.sanshe.pipeline.ingest.read.WorkbookReaders;
import cn.sanshe.pipeline.ingest.template.HeaderMatch;
import cn.sanshe.pipeline.ingest.template.PeriodText;
import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file as a sequence of items, produced lazily so a file of any size streams through. The
 * sequence is a pure function of the file's bytes, which is what lets a restart skip the items
 * already committed.
 *
 * <p>Rows are those below the header up to the sheet's last row present in the file: blank rows
 * (present or absent in between, present after the last filled one) are items to be skipped and
 * counted, so a sheet of a million mostly blank rows says so in its accounting; rows absent after
 * the last present one, and the title rows above the header, are not data and are not counted.
 */
final class FileItems implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileItems.class);
    static final int HEADER_SEARCH_ROWS = 10;

    private final PendingFile file;
    private final TemplateCatalog catalog;
    private final Deque<IngestItem> ready = new ArrayDeque<>();
    private WorkbookReader reader;
    private SheetContext sheet;
    private int lastRowNumber;
    /** The last row the file holds, blank or not: blank rows up to it are counted as skipped. */
    private int lastPresentRow;
    // A sheet of a template the unit may not send: its rows are read past, not emitted.
    private boolean skipSheet;
    private int sheetsLoaded;
    private final List<String> ignoredNotes = new ArrayList<>();
    private boolean ended;

    FileItems(PendingFile file, TemplateCatalog catalog) {
        this.file = file;
        this.catalog = catalog;
    }

    /** The next item, or null after the file's last. */
    IngestItem next() {
        while (ready.isEmpty() && !ended) {
            try {
                advance();
            } catch (FileRefusedException e) {
                refuse(e.getMessage());
            } catch (IOException | RuntimeException e) {
                // A file that breaks half-way is as unreadable as one that breaks at once: refused whole.
                log.warn("{}: unreadable: {}", file.path(), e.toString());
                refuse("文件读取出错，已整体拒收：" + e.getMessage());
            } catch (OutOfMemoryError e) {
                // A shape no limit foresaw: what this file held is garbage now, the run goes on without it.
                closeQuietly();
                log.error("{}: reading it ran out of memory; refused whole", file.path());
                refuse(WorkbookReaders.outOfMemoryReason());
            } catch (StackOverflowError e) {
                closeQuietly();
                log.error("{}: reading it overflowed the stack; refused whole", file.path());
                refuse("文件内部结构异常（嵌套过深），已拒收");
            }
        }
        return ready.poll();
    }

    private void refuse(String reason) {
        ready.clear();
        ready.add(new IngestItem.FileRefused(file.id(), reason));
        ended = true;
    }

    private void advance() throws IOException, FileRefusedException {
        if (reader == null) {
            reader = WorkbookReaders.open(file.location());
        }
        if (sheet == null) {
            if (!reader.nextSheet()) {
                ready.add(new IngestItem.FileEnd(file.id(), sheetsLoaded, noTemplateReason()));
                ended = true;
                return;
            }
            startSheet();
            return;
        }
        SheetRow row = reader.nextRow();
        if (row == null) {
            if (!skipSheet) {
                for (int blank = lastRowNumber + 1; blank <= lastPresentRow; blank++) {
                    ready.add(new IngestItem.Row(sheet, new SheetRow(blank, List.of()), null));
                }
            }
            sheet = null;
            return;
        }
        emitRow(row);
    }

    private void startSheet() throws IOException {
        List<SheetRow> above = new ArrayList<>();
        SheetRow row;
        while ((row = reader.nextRow()) != null && row.number() <= HEADER_SEARCH_ROWS) {
            Optional<HeaderMatch> match = catalog.recognise(row);
            if (match.isPresent()) {
                beginRows(match.get(), row, above);
                return;
            }
            above.add(row);
        }
        String note = "前" + HEADER_SEARCH_ROWS + "行中没有任何模板的表头，未读取";
        ignoredNotes.add(reader.sheetName() + "：" + note);
        log.info("{} sheet {}: {}", file.path(), reader.sheetName(), note);
        ready.add(new IngestItem.SheetIgnored(file.id(), reader.sheetName(), null, note));
        if (row != null) {
            // Drain the rest of an ignored sheet so nextSheet() starts clean on every reader.
            while (reader.nextRow() != null) {
                // nothing: the sheet is not data
            }
        }
    }

    private void beginRows(HeaderMatch match, SheetRow header, List<SheetRow> above) {
        boolean fromDistrict = match.template().id().fromDistrict();
        if (fromDistrict != (file.unitCode().length() == 6)) {
            String note = match.template().id() + " " + match.template().id().title() + "应由"
                    + (fromDistrict ? "区县民政局" : "街道（乡镇）") + "报送，报送单位为" + file.unitCode();
            ignoredNotes.add(reader.sheetName() + "：" + note);
            ready.add(new IngestItem.SheetIgnored(file.id(), reader.sheetName(), match.template().id().name(), note));
            sheet = new SheetContext(file.id(), reader.sheetName(), null, List.of(), null, file.unitCode());
            skipSheet = true;
            return;
        }
        YearMonth title = PeriodText.fromTitle(above).orElse(null);
        YearMonth period = title != null ? title : file.period();
        // A drop's path is relative to the inbox; a file loaded by hand keeps its absolute path.
        boolean byHand = Path.of(file.path()).isAbsolute();
        sheet = new SheetContext(file.id(), reader.sheetName(), match, header.cells(), period, file.unitCode(), title,
                file.period(), byHand);
        lastRowNumber = header.number();
        lastPresentRow = header.number();
        sheetsLoaded++;
        ready.add(new IngestItem.SheetStart(sheet));
        skipSheet = false;
    }

    private void emitRow(SheetRow row) {
        if (skipSheet) {
            return;
        }
        lastPresentRow = Math.max(lastPresentRow, row.number());
        if (row.isBlank()) {
            return;
        }
        for (int blank = lastRowNumber + 1; blank < row.number(); blank++) {
            ready.add(new IngestItem.Row(sheet, new SheetRow(blank, List.of()), null));
        }
        ready.add(new IngestItem.Row(sheet, row, null));
        lastRowNumber = row.number();
    }

    private String noTemplateReason() {
        if (sheetsLoaded > 0) {
            return null;
        }
        return ignoredNotes.isEmpty() ? "文件中没有工作表" : "没有可识别的报表：" + String.join("；", ignoredNotes);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // refusing it anyway
        }
        reader = null;
        sheet = null;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
