package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.reports.layout.FigureChange;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code edition_sent} (V16): the stored runs each kind of an edition was rendered from when it
 * was first sent. Every recipient of a kind gets those figures; corrections compare against them.
 */
@Repository
class EditionLog {

    private final JdbcTemplate jdbc;

    EditionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Sent(long id, String edition, String period, String kind, List<Long> runIds, LocalDateTime dataCutoff,
            LocalDateTime checkedCutoff, String title, List<FigureChange> changes) {

        /** The newest input these figures were compared with (or computed from). */
        LocalDateTime seen() {
            if (checkedCutoff == null) {
                return dataCutoff;
            }
            return dataCutoff == null || checkedCutoff.isAfter(dataCutoff) ? checkedCutoff : dataCutoff;
        }

        int correction() {
            return kind.startsWith("correction-") ? Integer.parseInt(kind.substring("correction-".length())) : 0;
        }
    }

    Optional<Sent> find(String edition, String period, String kind) {
        return jdbc.query("""
                SELECT id, edition, period, kind, run_ids, data_cutoff, checked_cutoff, title, changes
                FROM edition_sent WHERE edition = ? AND period = ? AND kind = ?""", EditionLog::sent,
                edition, period, kind).stream().findFirst();
    }

    /** The newest of the final edition and its corrections, or empty when the final was never rendered for sending. */
    Optional<Sent> latestDelivered(String edition, String period) {
        return jdbc.query("""
                SELECT id, edition, period, kind, run_ids, data_cutoff, checked_cutoff, title, changes
                FROM edition_sent WHERE edition = ? AND period = ? AND (kind = 'final' OR kind LIKE 'correction-%')
                ORDER BY id DESC LIMIT 1""", EditionLog::sent, edition, period).stream().findFirst();
    }

    /** Keeps what a kind was first rendered from; a second run that rendered it too keeps the first. */
    Sent record(String edition, String period, String kind, List<Long> runIds, LocalDateTime dataCutoff, String title,
            List<FigureChange> changes) {
        StringBuilder text = new StringBuilder();
        for (FigureChange change : changes) {
            text.append(clean(change.figure())).append('\t').append(clean(change.before())).append('\t')
                    .append(clean(change.after())).append('\n');
        }
        jdbc.update("""
                INSERT IGNORE INTO edition_sent (edition, period, kind, run_ids, data_cutoff, title, changes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6))""", edition, period, kind,
                String.join(",", runIds.stream().map(String::valueOf).toList()),
                dataCutoff == null ? null : Timestamp.valueOf(dataCutoff), title,
                changes.isEmpty() ? null : text.toString());
        return find(edition, period, kind).orElseThrow();
    }

    /** A later run found the delivered figures unchanged by the inputs up to {@code cutoff}. */
    void checked(long id, LocalDateTime cutoff) {
        jdbc.update("UPDATE edition_sent SET checked_cutoff = ? WHERE id = ?",
                cutoff == null ? null : Timestamp.valueOf(cutoff), id);
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }

    private static Sent sent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        List<Long> runs = Arrays.stream(rs.getString(5).split(",")).filter(s -> !s.isBlank()).map(Long::valueOf)
                .toList();
        List<FigureChange> changes = new ArrayList<>();
        String text = rs.getString(9);
        if (text != null) {
            for (String line : text.split("\n")) {
                String[] parts = line.split("\t", -1);
                if (parts.length == 3) {
                    changes.add(new FigureChange(parts[0], parts[1], parts[2]));
                }
            }
        }
        return new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), runs,
                rs.getObject(6, LocalDateTime.class), rs.getObject(7, LocalDateTime.class), rs.getString(8), changes);
    }
}
