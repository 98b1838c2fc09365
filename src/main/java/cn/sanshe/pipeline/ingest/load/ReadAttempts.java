package cn.sanshe.pipeline.ingest.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts a run's attempt at each file before its reading starts, committed at once, so that a file
 * that takes the process down (killed, out of memory) is known to the next run: two runs that
 * started it and neither finished it quarantine it ({@link IngestItemReader#MAX_ATTEMPTS}).
 *
 * <p>A file no run has started yet is counted together with the next fresh files, {@link #GROUP} in
 * one statement, instead of one statement and one commit per file (forty thousand at national
 * size). A file an earlier run started and did not finish is a suspect and is counted alone, when
 * its own reading starts. So when a run dies in a file, the fresh files counted with it and not
 * reached have one attempt; in the next run they are suspects, counted one by one as they are
 * reached, and the file that kills that run again is the only one that reaches two attempts before
 * the files after it are read. The files read ahead of the step and not yet committed are counted
 * as they were when each was counted alone: read, so started.
 */
final class ReadAttempts {

    /** Fresh files counted in one statement: about what one chunk takes (a few hundred rows each). */
    static final int GROUP = 16;

    private final List<PendingFile> files;
    private final Set<Long> suspects;
    private final Consumer<List<Long>> count;
    private final Set<Long> counted = new HashSet<>();
    private int next;

    /**
     * @param files    the run's files in reading order
     * @param suspects the ids of those an earlier run started (their attempts above zero)
     * @param count    adds one attempt to each file of the list and commits
     */
    ReadAttempts(List<PendingFile> files, Set<Long> suspects, Consumer<List<Long>> count) {
        this.files = List.copyOf(files);
        this.suspects = Set.copyOf(suspects);
        this.count = count;
    }

    /** Called on the reading thread as a file's reading starts, files in the order given. */
    void starting(PendingFile file) {
        while (next < files.size() && files.get(next).id() != file.id()) {
            next++;
        }
        if (counted.contains(file.id())) {
            return;
        }
        List<Long> ids = new ArrayList<>(GROUP);
        ids.add(file.id());
        if (!suspects.contains(file.id())) {
            for (int i = next + 1; i < files.size() && ids.size() < GROUP; i++) {
                long id = files.get(i).id();
                if (suspects.contains(id)) {
                    break;   // a suspect is counted alone, when it is reached
                }
                ids.add(id);
            }
        }
        count.accept(ids);
        counted.addAll(ids);
    }
}
