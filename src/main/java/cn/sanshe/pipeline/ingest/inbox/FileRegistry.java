package cn.sanshe.pipeline.ingest.inbox;

import cn.sanshe.pipeline.system.BulkRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registers drops as files known by content. A drop whose path, size and time were seen before
 * is not hashed again (a nightly run over a large inbox reads only what is new); the same bytes
 * under a new name are recorded as a copy of the file already received.
 */
@Component
public class FileRegistry {

    private static final Logger log = LoggerFactory.getLogger(FileRegistry.class);

    /** What became of a drop. */
    public enum Registered { NEW, ALREADY_SEEN, COPY_OF_EARLIER, MISPLACED, NOT_READ }

    private final JdbcTemplate jdbc;

    FileRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets what the last scan listed as not read (of one month, or all), before a new scan lists it again. */
    public void clearNotRead(java.time.YearMonth period) {
        if (period == null) {
            jdbc.update("DELETE FROM ingest_refused_drop");
        } else {
            jdbc.update("DELETE FROM ingest_refused_drop WHERE period = ?", period.toString());
        }
    }

    /** A drop listed in the accounting but not read: hidden, a link, or from a unit the reference lacks. */
    public Registered notRead(Drop drop, String reason) {
        jdbc.update("""
                INSERT INTO ingest_refused_drop (path, unit_code, period, reason, seen_at)
                VALUES (LEFT(?, 700), LEFT(?, 20), ?, LEFT(?, 500), CURRENT_TIMESTAMP(6))
                ON DUPLICATE KEY UPDATE reason = VALUES(reason), seen_at = VALUES(seen_at)""",
                drop.path(), drop.unitCode(), drop.period() == null ? null : drop.period().toString(), reason);
        return Registered.NOT_READ;
    }

    /**
     * Whether a unit folder names a street (9 digits) or district (6) of the division reference: the
     * codes that could answer, read once for a scan (a few thousand; a national inbox has as many unit
     * folders, each of which was one query).
     */
    public Predicate<String> knownUnits() {
        // What a folder's code names is its 6 or 9 digits padded to 12 with zeros: only codes ending in
        // 000 can answer, which leaves the communities out.
        Set<String> codes = new HashSet<>(jdbc.queryForList("SELECT code FROM division WHERE code LIKE '%000'",
                String.class));
        return unitCode -> codes.contains(unitCode.length() == 9 ? unitCode + "000" : unitCode + "000000");
    }

    public Registered register(Drop drop) {
        return registerAll(List.of(drop)).get(0);
    }

    /**
     * Why a drop listed by the walk was not read after all: gone before it could be hashed (a clerk's
     * upload replaced during the night) or not readable by the pipeline's user. It is listed, and the next
     * run tries it again; the rest of the inbox is registered.
     */
    static final String UNREADABLE = "文件在扫描时不存在或无法读取，未读取；下次运行会再试";

    /**
     * Registers drops in their order, as {@link #register} one after another would, with a few
     * statements for the whole batch instead of six per file: one lookup of the drops seen before,
     * the files hashed on a pool sized from the machine, one lookup of the known contents, one
     * batched insert of the new files and one of the drops. Of two drops of the same bytes in a
     * batch the first is the file and the second its copy, as across batches.
     *
     * <p>A drop that cannot be read is {@link Registered#NOT_READ}, with its reason in the list of drops not
     * read.
     */
    public List<Registered> registerAll(List<Drop> drops) {
        return record(prepare(drops));
    }

    /**
     * A batch read as far as its hashes: their sizes and times, which drops were seen before, and the
     * hashing of the others under way. The scan prepares the next batch before it records this one,
     * so files are hashed while the database records the batch before them.
     */
    public static final class Batch {
        private final List<Drop> drops;
        private final long[] sizes;
        private final long[] times;
        private final Registered[] outcomes;
        private final List<CompletableFuture<String>> hashing;
        private final Set<String> pathsKnown;

        private Batch(List<Drop> drops, long[] sizes, long[] times, Registered[] outcomes,
                List<CompletableFuture<String>> hashing, Set<String> pathsKnown) {
            this.drops = drops;
            this.sizes = sizes;
            this.times = times;
            this.outcomes = outcomes;
            this.hashing = hashing;
            this.pathsKnown = pathsKnown;
        }

        /** The batch's drops, in their order. */
        public List<Drop> drops() {
            return drops;
        }
    }

    /**
     * The first half of {@link #registerAll}: what needs no write. Drops of one scan have distinct
     * paths, so a batch prepared before the one ahead of it is recorded sees the same drops as before.
     */
    public Batch prepare(List<Drop> drops) {
        drops = List.copyOf(drops);
        int n = drops.size();
        long[] sizes = new long[n];
        long[] times = new long[n];
        Registered[] outcomes = new Registered[n];
        for (int i = 0; i < n; i++) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(drops.get(i).file(), BasicFileAttributes.class);
                sizes[i] = attributes.size();
                times[i] = attributes.lastModifiedTime().toMillis();
            } catch (IOException e) {
                outcomes[i] = Registered.NOT_READ;
            }
        }
        Map<String, long[]> seen = new HashMap<>();
        for (List<String> paths : slices(drops.stream().map(Drop::path).distinct().toList())) {
            jdbc.query("SELECT path, size_bytes, modified_at FROM ingest_drop WHERE path IN (" + marks(paths.size()) + ")",
                    rs -> {
                        seen.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }, paths.toArray());
        }
        List<CompletableFuture<String>> hashing = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] before = seen.get(drops.get(i).path());
            if (outcomes[i] == Registered.NOT_READ) {
                hashing.add(null);
            } else if (before != null && before[0] == sizes[i] && before[1] == times[i]) {
                outcomes[i] = Registered.ALREADY_SEEN;
                hashing.add(null);
            } else {
                Drop drop = drops.get(i);
                hashing.add(CompletableFuture.supplyAsync(() -> sha256(drop), HASHING));
            }
        }
        return new Batch(drops, sizes, times, outcomes, hashing, seen.keySet());
    }

    /** The second half of {@link #registerAll}: waits for the batch's hashes and records its drops. */
    public List<Registered> record(Batch batch) {
        List<Drop> drops = batch.drops;
        int n = drops.size();
        long[] sizes = batch.sizes;
        long[] times = batch.times;
        Registered[] outcomes = batch.outcomes;
        List<CompletableFuture<String>> hashing = batch.hashing;
        String[] shas = new String[n];
        for (int i = 0; i < n; i++) {
            if (hashing.get(i) != null) {
                try {
                    shas[i] = hashing.get(i).join();
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof UncheckedIOException)) {
                        throw e;
                    }
                    outcomes[i] = Registered.NOT_READ;
                }
            }
            if (outcomes[i] == Registered.NOT_READ) {
                log.warn("{}: {}", drops.get(i).path(), UNREADABLE);
                notRead(drops.get(i), UNREADABLE);
            }
        }
        Map<String, Long> known = new HashMap<>();
        for (List<String> slice : slices(Arrays.stream(shas).filter(Objects::nonNull).distinct().toList())) {
            jdbc.query("SELECT sha256, id FROM ingest_file WHERE sha256 IN (" + marks(slice.size()) + ")", rs -> {
                known.put(rs.getString(1), rs.getLong(2));
            }, slice.toArray());
        }
        Set<String> fresh = new HashSet<>();
        List<Object[]> pendingFiles = new ArrayList<>();
        List<Object[]> refusedFiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (shas[i] == null) {
                continue;
            }
            if (known.containsKey(shas[i]) || !fresh.add(shas[i])) {
                outcomes[i] = Registered.COPY_OF_EARLIER;
                continue;
            }
            Drop drop = drops.get(i);
            String period = drop.period() == null ? null : drop.period().toString();
            if (drop.misplaced() != null) {
                refusedFiles.add(new Object[] {shas[i], drop.path(), "", "", period, sizes[i], times[i], "refused",
                    drop.misplaced()});
                outcomes[i] = Registered.MISPLACED;
            } else {
                pendingFiles.add(new Object[] {shas[i], drop.path(), drop.unitCode(), drop.unitCode().substring(0, 6),
                    period, sizes[i], times[i], "pending"});
                outcomes[i] = Registered.NEW;
            }
        }
        if (!fresh.isEmpty()) {
            insertFiles(pendingFiles, refusedFiles);
            for (List<String> slice : slices(new ArrayList<>(fresh))) {
                jdbc.query("SELECT sha256, id FROM ingest_file WHERE sha256 IN (" + marks(slice.size()) + ")", rs -> {
                    known.put(rs.getString(1), rs.getLong(2));
                }, slice.toArray());
            }
        }
        List<Object[]> firstSeen = new ArrayList<>();
        List<Object[]> seenBefore = new ArrayList<>();
        Set<String> pathsWritten = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (shas[i] != null) {
                String path = drops.get(i).path();
                Object[] row = {path, sizes[i], times[i], known.get(shas[i])};
                boolean newPath = !batch.pathsKnown.contains(path) && pathsWritten.add(path);
                (newPath ? firstSeen : seenBefore).add(row);
            }
        }
        // Paths no scan saw are appended in bulk. A path seen before (a file overwritten under its name)
        // has its row updated, which LOAD DATA cannot do; so has every path of the batch if some were
        // passed over as present after all (the column compares as text, not as bytes).
        long appended = BulkRows.appendAbsent(jdbc, "ingest_drop", List.of("path", "size_bytes", "modified_at",
                "file_id"), "seen_at = CURRENT_TIMESTAMP(6)", firstSeen);
        if (appended != firstSeen.size()) {
            seenBefore.addAll(firstSeen);
        }
        if (!seenBefore.isEmpty()) {
            // VALUES(…), not parameters, after ON DUPLICATE KEY UPDATE: Connector/J then sends the batch
            // as multi-row INSERTs; with a parameter there it sends one statement per file.
            jdbc.batchUpdate("""
                    INSERT INTO ingest_drop (path, size_bytes, modified_at, file_id, seen_at)
                    VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP(6))
                    ON DUPLICATE KEY UPDATE size_bytes = VALUES(size_bytes), modified_at = VALUES(modified_at),
                                            file_id = VALUES(file_id), seen_at = VALUES(seen_at)""",
                    seenBefore);
        }
        return Arrays.asList(outcomes);
    }

    /**
     * New files in bulk ({@code LOAD DATA LOCAL}): a national month registers some 40,000, and bound as
     * batched parameters they cost the driver more than the server takes to store them. A misplaced
     * file is refused as it is registered, with its reason.
     */
    private void insertFiles(List<Object[]> pending, List<Object[]> refused) {
        BulkRows.append(jdbc, "ingest_file", FILE_COLUMNS, "received_at = CURRENT_TIMESTAMP(6)", pending);
        List<String> withReason = new ArrayList<>(FILE_COLUMNS);
        withReason.add("reason");
        BulkRows.append(jdbc, "ingest_file", withReason,
                "received_at = CURRENT_TIMESTAMP(6), loaded_at = CURRENT_TIMESTAMP(6)", refused);
    }

    private static final List<String> FILE_COLUMNS = List.of("sha256", "path", "unit_code", "district_code", "period",
            "size_bytes", "modified_at", "status");

    /** Hashing is reading small files: one thread per processor keeps the disk and the cores busy. */
    private static final ExecutorService HASHING = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
                Thread thread = new Thread(task, "inbox-hash");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Read through the file's path, which commons-codec reads in 8 KB blocks: given a stream it reads
     * 1 KB at a time, one system call each (a national month's 39,624 files, 544 MB, page cache warm,
     * one thread: 1.85 s of CPU that way, 1.2 s this way). A digest per file: the pool hashes several
     * at once.
     */
    private static String sha256(Drop drop) {
        try {
            return Hex.encodeHexString(DigestUtils.updateDigest(DigestUtils.getSha256Digest(), drop.file()).digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + drop.path(), e);
        }
    }

    private static final int SLICE = 500;

    private static List<List<String>> slices(List<String> values) {
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < values.size(); from += SLICE) {
            slices.add(values.subList(from, Math.min(values.size(), from + SLICE)));
        }
        return slices;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
