package cn.sanshe.pipeline.ingest.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registers drops as files known by content. A drop whose path, size and time were seen before
 * is not hashed again (a nightly run over a large inbox reads only what is new); the same bytes
 * under a new name are recorded as a copy of the file already received.
 */
@Component
public class FileRegistry {

    /** What became of a drop. */
    public enum Registered { NEW, ALREADY_SEEN, COPY_OF_EARLIER, MISPLACED }

    private final JdbcTemplate jdbc;

    FileRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Registered register(Drop drop) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(drop.file(), BasicFileAttributes.class);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        List<Long> seen = jdbc.queryForList("""
                SELECT file_id FROM ingest_drop WHERE path = ? AND size_bytes = ? AND modified_at = ?""",
                Long.class, drop.path(), size, modified);
        if (!seen.isEmpty()) {
            return Registered.ALREADY_SEEN;
        }
        String sha256;
        try (InputStream in = Files.newInputStream(drop.file())) {
            sha256 = DigestUtils.sha256Hex(in);
        }
        List<Long> known = jdbc.queryForList("SELECT id FROM ingest_file WHERE sha256 = ?", Long.class, sha256);
        Registered outcome;
        long fileId;
        if (!known.isEmpty()) {
            fileId = known.get(0);
            outcome = Registered.COPY_OF_EARLIER;
        } else {
            boolean misplaced = drop.misplaced() != null;
            jdbc.update("""
                    INSERT INTO ingest_file (sha256, path, unit_code, district_code, period, size_bytes, modified_at,
                                             status, reason, received_at, loaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6),
                            CASE WHEN ? THEN CURRENT_TIMESTAMP(6) END)""",
                    sha256, drop.path(), misplaced ? "" : drop.unitCode(),
                    misplaced ? "" : drop.unitCode().substring(0, 6),
                    drop.period() == null ? null : drop.period().toString(), size, modified,
                    misplaced ? "refused" : "pending", drop.misplaced(), misplaced);
            fileId = jdbc.queryForObject("SELECT id FROM ingest_file WHERE sha256 = ?", Long.class, sha256);
            outcome = misplaced ? Registered.MISPLACED : Registered.NEW;
        }
        jdbc.update("""
                INSERT INTO ingest_drop (path, size_bytes, modified_at, file_id, seen_at)
                VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP(6))
                ON DUPLICATE KEY UPDATE size_bytes = ?, modified_at = ?, file_id = ?, seen_at = CURRENT_TIMESTAMP(6)""",
                drop.path(), size, modified, fileId, size, modified, fileId);
        return outcome;
    }
}
