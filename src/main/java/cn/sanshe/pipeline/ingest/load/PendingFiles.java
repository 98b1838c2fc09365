package cn.sanshe.pipeline.ingest.load;

import cn.sanshe.pipeline.ingest.template.TemplateCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The items of pending files, file after file, unchecked. On a restart the first file's items
 * already committed are passed over unchecked: its item sequence is a pure function of its bytes,
 * so the same count lands on the same item.
 */
final class PendingFiles implements ReadAhead.Source {

    private final Deque<PendingFile> queue;
    private final TemplateCatalog catalog;
    private final Consumer<PendingFile> starting;
    private long passOver;
    private FileItems current;
    private volatile PendingFile currentFile;

    /** @param starting told of each file as its reading starts, before its first item */
    PendingFiles(List<PendingFile> files, TemplateCatalog catalog, long committedOfFirst,
            Consumer<PendingFile> starting) {
        this.queue = new ArrayDeque<>(files);
        this.catalog = catalog;
        this.passOver = committedOfFirst;
        this.starting = starting;
    }

    PendingFiles(List<PendingFile> files, TemplateCatalog catalog, long committedOfFirst) {
        this(files, catalog, committedOfFirst, file -> { });
    }

    @Override
    public PendingFile currentFile() {
        return currentFile;
    }

    @Override
    public IngestItem next() {
        while (true) {
            if (current == null) {
                PendingFile next = queue.poll();
                if (next == null) {
                    return null;
                }
                currentFile = next;
                starting.accept(next);
                current = new FileItems(next, catalog);
            }
            IngestItem item = current.next();
            if (item == null) {
                close();
                passOver = 0;
                continue;
            }
            if (passOver > 0) {
                passOver--;
                continue;
            }
            return item;
        }
    }

    @Override
    public void close() {
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
