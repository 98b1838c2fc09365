package cn.sanshe.pipeline.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Records of the console city by where they lie, and users to request them as. */
final class ConsoleTestSupport {

    private ConsoleTestSupport() {
    }

    static RequestPostProcessor as(ConsoleUsers users, String username) {
        return user(users.find(username).orElseThrow());
    }

    static List<Long> rejects(JdbcTemplate jdbc, String unitPrefix) {
        return jdbc.queryForList("SELECT id FROM ingest_reject WHERE status = 'open' AND unit_code LIKE ? ORDER BY id",
                Long.class, unitPrefix + "%");
    }

    /** Open review pairs whose first master lies in the street (or district). */
    static List<Long> pairs(JdbcTemplate jdbc, String prefix) {
        return jdbc.queryForList("""
                SELECT r.id FROM org_review r JOIN org_master a ON a.id = r.master_a
                WHERE r.status = 'open' AND a.community_code LIKE ? ORDER BY r.id""", Long.class, prefix + "%");
    }

    static long pairMasterA(JdbcTemplate jdbc, long pair) {
        return jdbc.queryForObject("SELECT master_a FROM org_review WHERE id = ?", Long.class, pair);
    }

    static List<Long> masters(JdbcTemplate jdbc, String prefix) {
        return jdbc.queryForList("SELECT id FROM org_master WHERE community_code LIKE ? ORDER BY id", Long.class,
                prefix + "%");
    }

    /** Conflicts of a kind whose rows lie in the given communities' streets. */
    static long conflict(JdbcTemplate jdbc, String kind, String detailContains) {
        return jdbc.queryForObject("SELECT id FROM reconcile_conflict WHERE kind = ? AND detail LIKE ?", Long.class, kind,
                "%" + detailContains + "%");
    }
}
