package cn.sanshe.pipeline.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Fresh files are counted in groups, suspects alone: runs that die in one file quarantine that file
 * and no other, wherever it stands in its group, and every file is counted before it is read.
 */
class ReadAttemptsTests {

    private static final int FILES = 50;

    @Test
    void freshFilesAreCountedInGroupsBeforeTheFirstOfThemIsRead() {
        List<PendingFile> files = files(FILES);
        Map<Long, Integer> attempts = new HashMap<>();
        List<List<Long>> statements = new ArrayList<>();
        ReadAttempts counting = new ReadAttempts(files, Set.of(), ids -> {
            statements.add(ids);
            ids.forEach(id -> attempts.merge(id, 1, Integer::sum));
        });

        for (PendingFile file : files) {
            counting.starting(file);
            assertThat(attempts).as("counted before it is read").containsEntry(file.id(), 1);
        }

        assertThat(statements).hasSize((FILES + ReadAttempts.GROUP - 1) / ReadAttempts.GROUP);
        assertThat(attempts.values()).as("each once").containsOnly(1);
    }

    @Test
    void runsThatDieInOneFileQuarantineThatFileAndNoOther() {
        for (int poison = 0; poison < FILES; poison++) {
            Map<Long, Integer> attempts = new HashMap<>();
            Set<Long> loaded = new HashSet<>();
            // Two runs die as the poison file's reading starts; each loads the files before it.
            for (int run = 0; run < 2; run++) {
                run(files(FILES), attempts, loaded, poison);
            }
            Set<Long> quarantined = attempts.entrySet().stream()
                    .filter(e -> !loaded.contains(e.getKey()) && e.getValue() >= IngestItemReader.MAX_ATTEMPTS)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());

            assertThat(quarantined).as("poison at %d", poison).containsExactly(files(FILES).get(poison).id());
        }
    }

    @Test
    void aSuspectIsCountedAloneAndEndsTheGroupBeforeIt() {
        List<PendingFile> files = files(10);
        List<List<Long>> statements = new ArrayList<>();
        ReadAttempts counting = new ReadAttempts(files, Set.of(104L, 105L), statements::add);

        files.forEach(counting::starting);

        assertThat(statements).containsExactly(List.of(100L, 101L, 102L, 103L), List.of(104L), List.of(105L),
                List.of(106L, 107L, 108L, 109L));
    }

    /** One run over the files still pending: counts as the reader would, dies as {@code poison} starts. */
    private static void run(List<PendingFile> all, Map<Long, Integer> attempts, Set<Long> loaded, int poison) {
        List<PendingFile> pending = all.stream().filter(f -> !loaded.contains(f.id())).toList();
        Set<Long> suspects = pending.stream().filter(f -> attempts.getOrDefault(f.id(), 0) > 0)
                .map(PendingFile::id).collect(Collectors.toSet());
        ReadAttempts counting = new ReadAttempts(pending, suspects,
                ids -> ids.forEach(id -> attempts.merge(id, 1, Integer::sum)));
        for (PendingFile file : pending) {
            counting.starting(file);
            if (file.id() == all.get(poison).id()) {
                return;   // the process dies reading it
            }
            loaded.add(file.id());
        }
    }

    private static List<PendingFile> files(int count) {
        return LongStream.range(100, 100 + count)
                .mapToObj(id -> new PendingFile(id, Path.of(id + ".csv"), id + ".csv", "130102001", null)).toList();
    }
}
