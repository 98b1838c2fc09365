package cn.sanshe.pipeline.ingest.load;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Reads and checks items ahead of the step, on threads of its own: while the step's thread waits
 * for the database to load one chunk, the next chunks are parsed on a reading thread and validated,
 * identity-protected and formatted as staging text on the checking threads. Order is kept: items
 * are read in batches, each batch is checked as one task, and batches are handed out in the order
 * they were read.
 *
 * <p>Bounded: at most {@link #WAITING_BATCHES} batches of {@link #BATCH} items wait, whatever the
 * file's size. Nothing read ahead is written until the step takes it, so the step's restart state
 * (the items it took) stays exact: what was read ahead and not taken when the process died is
 * simply read again.
 */
final class ReadAhead implements AutoCloseable {

    /** Items one after another; null after the last. Called on the reading thread only. */
    interface Source extends AutoCloseable {
        IngestItem next();

        /** The file being read, or null: named when reading it fails. */
        default PendingFile currentFile() {
            return null;
        }

        @Override
        void close();
    }

    static final int BATCH = 200;
    /**
     * About one chunk's worth: enough to have the next chunk ready when the step comes back from
     * the database, few enough that items die young (items kept waiting longer outlive young
     * collections and pile up in the old generation until the next full marking).
     */
    static final int WAITING_BATCHES = 10;
    private static final CompletableFuture<List<IngestItem>> END = CompletableFuture.completedFuture(List.of());
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final BlockingQueue<CompletableFuture<List<IngestItem>>> batches =
            new ArrayBlockingQueue<>(WAITING_BATCHES);
    private final Source source;
    private final UnaryOperator<IngestItem> check;
    private final ExecutorService checkers;
    private final Thread reader;
    private volatile boolean stopped;
    private Iterator<IngestItem> taking = Collections.emptyIterator();
    private boolean ended;

    ReadAhead(Source source, UnaryOperator<IngestItem> check, int checkThreads) {
        this.source = source;
        this.check = check;
        int number = NUMBER.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.checkers = Executors.newFixedThreadPool(Math.max(1, checkThreads), task -> {
            Thread thread = new Thread(task, "ingest-check-" + number + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.reader = new Thread(this::readAll, "ingest-read-" + number);
        reader.setDaemon(true);
        reader.start();
    }

    /** The next item, checked; null after the last. */
    IngestItem next() throws InterruptedException {
        while (!taking.hasNext()) {
            if (ended) {
                return null;
            }
            CompletableFuture<List<IngestItem>> batch = batches.take();
            if (batch == END) {
                ended = true;
                return null;
            }
            try {
                taking = batch.join().iterator();
            } catch (CompletionException e) {
                ended = true;
                throw rethrown(e.getCause());
            }
        }
        return taking.next();
    }

    private void readAll() {
        try {
            List<IngestItem> batch = new java.util.ArrayList<>(BATCH);
            IngestItem item;
            while (!stopped && (item = source.next()) != null) {
                batch.add(item);
                if (batch.size() == BATCH) {
                    hand(batch);
                    batch = new java.util.ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                hand(batch);
            }
            put(END);
        } catch (Throwable e) {
            PendingFile file = source.currentFile();
            put(CompletableFuture.failedFuture(file == null ? e : new FileFailure(file.id(), file.path(), e)));
        } finally {
            source.close();
        }
    }

    private void hand(List<IngestItem> batch) {
        PendingFile file = source.currentFile();
        put(CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < batch.size(); i++) {
                IngestItem item = batch.get(i);
                try {
                    batch.set(i, check.apply(item));
                } catch (RuntimeException | Error e) {
                    // the batch was read from one file at most, or its last items from the next one
                    String path = file != null && file.id() == item.fileId() ? file.path() : null;
                    throw new FileFailure(item.fileId(), path, e);
                }
            }
            return batch;
        }, checkers));
    }

    private void put(CompletableFuture<List<IngestItem>> batch) {
        try {
            while (!stopped) {
                if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reading or checking one file failed: the file is known, so the next run can set it aside. */
    static final class FileFailure extends RuntimeException {

        private final long fileId;
        private final String path;

        FileFailure(long fileId, String path, Throwable cause) {
            super(cause.toString(), cause);
            this.fileId = fileId;
            this.path = path;
        }

        long fileId() {
            return fileId;
        }

        String path() {
            return path;
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("reading ahead failed", cause);
    }

    /** Stops reading and checking; what was read ahead and not taken is dropped. */
    @Override
    public void close() {
        stopped = true;
        batches.clear();
        checkers.shutdownNow();
        try {
            // The reader notices within one item or one 100 ms wait; it closes the file itself.
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
