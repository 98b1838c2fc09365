package cn.sanshe.pipeline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small file read into memory in one go, for readers that then need no second pass over the disk. */
final class WholeFile {

    private WholeFile() {
    }

    /** The file's bytes if it holds at most {@code limit}; null if it is larger, or grew past it while read. */
    static byte[] upTo(Path file, int limit) throws IOException {
        if (Files.size(file) > limit) {
            return null;
        }
        byte[] whole;
        try (InputStream in = Files.newInputStream(file)) {
            whole = in.readNBytes(limit + 1);
        }
        return whole.length <= limit ? whole : null;
    }
}
