package cn.sanshe.pipeline.delivery;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delivery state machine over {@code delivery_log} (V9__operations.sql):
 * reserved → sending → sent, with failed as the way back to reserved. Every transition is one
 * conditional UPDATE guarded by the claim token of the run that holds the row, so two runs (a
 * re-trigger, a restart, a second node) can never both get a mail to the point of sending it.
 */
@Repository
class DeliveryLog {

    private final JdbcTemplate jdbc;

    DeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One mail: an edition's kind for a period ({@code final}, {@code correction-1}, {@code provisional:…}) to a reader. */
    record Key(String edition, String period, String kind, String recipient) {

        Key(String edition, String period, String recipient) {
            this(edition, period, FINAL, recipient);
        }
    }

    static final String FINAL = "final";

    /** A run's hold on one mail. */
    record Claim(long id, String token) {
    }

    /** One row, for operators and for deciding what a run found. */
    record Entry(String edition, String period, String kind, String recipient, String state, int attempts, String node,
            LocalDateTime reservedAt, LocalDateTime sentAt, String lastError) {
    }

    /**
     * Claims a mail not claimed before, one that failed, or one whose claim lapsed before its
     * server was contacted (the run died or hangs). Empty when it is sent, being sent, or held
     * by a live claim.
     */
    Optional<Claim> reserve(Key key, String node, Duration lease) {
        String token = UUID.randomUUID().toString();
        try {
            jdbc.update("""
                    INSERT INTO delivery_log (edition, period, kind, recipient, state, claim, node, reserved_at)
                    VALUES (?, ?, ?, ?, 'reserved', ?, ?, CURRENT_TIMESTAMP(6))""",
                    key.edition(), key.period(), key.kind(), key.recipient(), token, node);
        } catch (DuplicateKeyException taken) {
            int updated = jdbc.update("""
                    UPDATE delivery_log SET state = 'reserved', claim = ?, node = ?, reserved_at = CURRENT_TIMESTAMP(6)
                    WHERE edition = ? AND period = ? AND kind = ? AND recipient = ?
                      AND (state = 'failed'
                           OR (state = 'reserved' AND reserved_at < TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(6))))""",
                    token, node, key.edition(), key.period(), key.kind(), key.recipient(), -lease.toNanos() / 1000);
            if (updated == 0) {
                return Optional.empty();
            }
        }
        Long id = jdbc.queryForObject(
                "SELECT id FROM delivery_log WHERE edition = ? AND period = ? AND kind = ? AND recipient = ?",
                Long.class, key.edition(), key.period(), key.kind(), key.recipient());
        return Optional.of(new Claim(id, token));
    }

    /** Called once the server answered: true when this run still holds the mail and may hand it over. */
    boolean startSending(Claim claim, String title, String attachment, String messageId) {
        return jdbc.update("""
                UPDATE delivery_log SET state = 'sending', attempts = attempts + 1, title = ?, attachment = ?,
                       message_id = ?, reserved_at = CURRENT_TIMESTAMP(6)
                WHERE id = ? AND claim = ? AND state = 'reserved'""",
                title, attachment, messageId, claim.id(), claim.token()) == 1;
    }

    /** The server accepted the mail. */
    void markSent(Claim claim) {
        jdbc.update("""
                UPDATE delivery_log SET state = 'sent', sent_at = CURRENT_TIMESTAMP(6), last_error = NULL
                WHERE id = ? AND claim = ?""", claim.id(), claim.token());
    }

    /**
     * An attempt failed before the server accepted: back to reserved (still ours, the lease
     * renewed) to try again, or failed when no attempts are left. A refusal while connecting
     * counts as an attempt too.
     */
    void attemptFailed(Claim claim, String error, boolean giveUp) {
        jdbc.update("""
                UPDATE delivery_log SET state = ?, last_error = ?, reserved_at = CURRENT_TIMESTAMP(6),
                       attempts = attempts + CASE WHEN state = 'reserved' THEN 1 ELSE 0 END
                WHERE id = ? AND claim = ? AND state IN ('reserved', 'sending')""",
                giveUp ? "failed" : "reserved", truncate(error), claim.id(), claim.token());
    }

    Optional<Entry> find(Key key) {
        return jdbc.query("""
                SELECT edition, period, kind, recipient, state, attempts, node, reserved_at, sent_at, last_error
                FROM delivery_log WHERE edition = ? AND period = ? AND kind = ? AND recipient = ?""", DeliveryLog::entry,
                key.edition(), key.period(), key.kind(), key.recipient()).stream().findFirst();
    }

    /** A mail in the hands of a server for longer than any SMTP exchange takes: its sender is gone. */
    boolean sendingLongerThan(Key key, Duration timeout) {
        Integer stale = jdbc.queryForObject("""
                SELECT COUNT(*) FROM delivery_log WHERE edition = ? AND period = ? AND kind = ? AND recipient = ?
                  AND state = 'sending' AND reserved_at < TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(6))""",
                Integer.class, key.edition(), key.period(), key.kind(), key.recipient(), -timeout.toNanos() / 1000);
        return stale != null && stale > 0;
    }

    boolean allSent(String edition, String period, List<String> recipients) {
        return allSent(edition, period, FINAL, recipients);
    }

    boolean allSent(String edition, String period, String kind, List<String> recipients) {
        if (recipients.isEmpty()) {
            return true;
        }
        return sentTo(edition, period, kind).containsAll(recipients);
    }

    /** Who has had a kind of an edition for a period. */
    List<String> sentTo(String edition, String period, String kind) {
        return jdbc.queryForList("SELECT recipient FROM delivery_log WHERE edition = ? AND period = ? AND kind = ? "
                + "AND state = 'sent' ORDER BY recipient", String.class, edition, period, kind);
    }

    List<Entry> forPeriod(String period) {
        return jdbc.query("""
                SELECT edition, period, kind, recipient, state, attempts, node, reserved_at, sent_at, last_error
                FROM delivery_log WHERE period = ? ORDER BY edition, id""", DeliveryLog::entry, period);
    }

    /** Editions of reminder mails to streets ({@code reminder:<street>}); never an operator's edition name. */
    static final String REMINDER = "reminder:";

    /**
     * Operators' decision that the uncertain dashboards of a period were not received: they may go
     * again (reminders to streets are released by {@code remind --resend-uncertain}).
     */
    int releaseUncertain(String period) {
        return jdbc.update("""
                UPDATE delivery_log SET state = 'failed', last_error = '运维确认未收到，允许重发'
                WHERE period = ? AND state = 'sending' AND edition NOT LIKE 'reminder:%'""", period);
    }

    /** The same for the reminder mails of a month. */
    int releaseUncertainReminders(String period) {
        return jdbc.update("""
                UPDATE delivery_log SET state = 'failed', last_error = '运维确认未收到，允许重发'
                WHERE period = ? AND state = 'sending' AND edition LIKE 'reminder:%'""", period);
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getObject(8, LocalDateTime.class), rs.getObject(9, LocalDateTime.class),
                rs.getString(10));
    }


    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
