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

    /** Whether a unit folder names a street (9 digits) or district (6) of the division reference. */
    public boolean isKnownUnit(String unitCode) {
        String code = unitCode.length() == 9 ? unitCode + "000" : unitCode + "000000";
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM division WHERE code = ?", Integer.class, code);
        return known != null && known > 0;
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
