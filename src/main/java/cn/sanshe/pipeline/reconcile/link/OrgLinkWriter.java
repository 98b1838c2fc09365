package cn.sanshe.pipeline.reconcile.link;

import cn.sanshe.pipeline.system.BulkRows;
import cn.sanshe.pipeline.reconcile.match.MatchThresholds;
import cn.sanshe.pipeline.reconcile.match.OrgDecision;
import cn.sanshe.pipeline.reconcile.match.OrgIndex;
import cn.sanshe.pipeline.reconcile.match.OrgMatcher;
import cn.sanshe.pipeline.reconcile.match.OrgNames;
import cn.sanshe.pipeline.reconcile.match.OrgRow;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Decides each row against the district's index and records the link, a new master where
 * needed, and a review pair for a steward when the score falls between the thresholds. The index
 * is rebuilt from the database at every step start, so a failed chunk leaves nothing behind.
 */
class OrgLinkWriter implements ItemWriter<OrgSourceRow>, StepExecutionListener {

    static final String CANDIDATE_PAIRS = "reconcile.candidatePairs";
    private static final List<String> LINK_COLUMNS = List.of("template", "stg_id", "master_id", "district_code",
            "period", "norm_name", "community_code", "credit_code", "person", "phone", "how", "score");

    private final JdbcTemplate jdbc;
    private final String districtCode;
    private final OrgMatcher matcher;
    private OrgIndex index;
    private PlaceNames places;

    OrgLinkWriter(JdbcTemplate jdbc, String districtCode, MatchThresholds thresholds) {
        this.jdbc = jdbc;
        this.districtCode = districtCode;
        this.matcher = new OrgMatcher(thresholds);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        places = new PlaceNames(jdbc, districtCode);
        index = new OrgIndex();
        jdbc.query("""
                SELECT o.master_id, o.template, o.stg_id, o.period, o.norm_name, o.community_code, o.credit_code,
                       o.person, o.phone
                FROM org_source o JOIN org_master m ON m.id = o.master_id AND m.merged_into IS NULL
                WHERE o.district_code = ? ORDER BY o.id""",
                rs -> {
                    index.absorb(rs.getLong(1), new OrgRow(rs.getString(2), rs.getLong(3), rs.getString(4),
                            districtCode, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }, districtCode);
    }

    @Override
    public void write(Chunk<? extends OrgSourceRow> chunk) {
        List<Object[]> links = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        for (OrgSourceRow source : chunk) {
            OrgRow row = matchForm(source);
            OrgDecision decision = matcher.decide(row, index);
            long masterId;
            String how;
            Double score;
            if (decision instanceof OrgDecision.Join join) {
                masterId = join.masterId();
                how = join.how();
                score = join.score();
            } else {
                OrgDecision.Start start = (OrgDecision.Start) decision;
                masterId = newMaster(source, row);
                how = "new";
                score = null;
                if (start.reviewWith() != null) {
                    jdbc.update("""
                            INSERT INTO org_review (district_code, master_a, master_b, score, evidence, status, opened_at)
                            VALUES (?, ?, ?, ?, ?, 'open', CURRENT_TIMESTAMP(6))""",
                            districtCode, start.reviewWith(), masterId, start.score(), start.evidence());
                }
            }
            index.absorb(masterId, row);
            touched.add(masterId);
            links.add(new Object[] {source.template(), source.stgId(), masterId, districtCode, source.period(),
                row.normName(), source.communityCode(), source.creditCode(), source.person(), source.phone(), how, score});
        }
        BulkRows.append(jdbc, "org_source", LINK_COLUMNS, "linked_at = CURRENT_TIMESTAMP(6)", links);
        // One statement for the chunk, not one per master.
        jdbc.update("UPDATE org_master SET dirty = TRUE WHERE dirty = FALSE AND id IN ("
                + String.join(",", Collections.nCopies(touched.size(), "?")) + ")", touched.toArray());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putLong(CANDIDATE_PAIRS, matcher.candidatePairs());
        return null;
    }

    private OrgRow matchForm(OrgSourceRow source) {
        String street = source.communityCode() != null ? source.communityCode() : source.unitCode();
        String normName = OrgNames.normalise(source.name(), places.forRow(districtCode, street));
        return new OrgRow(source.template(), source.stgId(), source.period(), districtCode, normName,
                source.communityCode(), source.creditCode(), blankToNull(source.person()), blankToNull(source.phone()));
    }

    /** A master as the first row describes it; survivorship fills in the rest from all its rows. */
    private long newMaster(OrgSourceRow source, OrgRow row) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO org_master (district_code, community_code, name, norm_name, credit_code, reg_status,
                                            first_period, last_period, dirty, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP(6))""", Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, districtCode);
            insert.setString(2, source.communityCode());
            insert.setString(3, source.name());
            insert.setString(4, row.normName());
            insert.setString(5, source.creditCode());
            insert.setString(6, source.regStatus());
            insert.setString(7, source.period());
            insert.setString(8, source.period());
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
