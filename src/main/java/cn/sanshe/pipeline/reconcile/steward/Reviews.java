package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.ConsoleQueue;
import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.DecisionRefused;
import cn.sanshe.pipeline.console.Jurisdiction;
import cn.sanshe.pipeline.console.Keyset;
import cn.sanshe.pipeline.console.RecordNotFound;
import cn.sanshe.pipeline.console.ShortCache;
import cn.sanshe.pipeline.reconcile.survive.Survivorship;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Doubtful duplicate pairs. Merging moves the newer master's rows to the older one (the older
 * id is the stable one) and leaves the newer as a pointer; keeping apart records the pair so it
 * is never proposed or merged again; not sure leaves it open, marked.
 *
 * <p>The invariants are held here, not by a page: a source row belongs to one master (the rows
 * move, {@code org_source} keeps one row per source row); a decision is idempotent (the same
 * decision again changes nothing); a decision on a pair that changed since the steward loaded it
 * (its {@link Pair#fingerprint()}) is refused; a pair that spans two streets is the district's.
 */
@Service
public class Reviews implements ConsoleQueue {

    public static final int PAGE_SIZE = 50;

    private final JdbcTemplate jdbc;
    private final DecisionLog log;
    private final Survivorship survivorship;
    private final TransactionTemplate rolledBack;
    /** Open and decided pairs per district scan the queue: counted once per half minute, or after a decision. */
    private final ShortCache<List<Progress>> progress = new ShortCache<>(java.time.Duration.ofSeconds(30));

    Reviews(JdbcTemplate jdbc, DecisionLog log, Survivorship survivorship, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.log = log;
        this.survivorship = survivorship;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The surviving fields a merge would give, by merging for real — survivorship's own rules — in a
     * transaction that is then rolled back: the preview cannot differ from what the merge does.
     */
    public Map<String, Object> previewMerge(Pair pair) {
        if (!"open".equals(pair.status())) {
            return Map.of();
        }
        return rolledBack.execute(status -> {
            status.setRollbackOnly();
            merge(pair, "preview", "preview");
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM org_master WHERE id = ?", pair.masterA());
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            Masters.FIELDS.keySet().forEach(field -> fields.put(field, row.get(field)));
            return fields;
        });
    }

    /** What a steward decides about a pair. */
    public enum Decision { MERGE, APART, UNSURE }

    /** The outcome: done now, or the same decision was taken before (nothing changed). */
    public enum Outcome { DONE, ALREADY }

    /** A line of the queue. */
    public record Line(long id, String district, long masterA, String nameA, long masterB, String nameB, double score,
            String evidence, boolean unsure) {

        /** Its place in the queue (score, then id, both descending), for the address of the next page: {@code 0.8500_123}. */
        public String key() {
            return String.format(java.util.Locale.ROOT, "%.4f_%d", score, id);
        }
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("(\\d{1,2}(?:\\.\\d{1,4})?)_(\\d{1,18})");

    /** Decided and open pairs per district. */
    public record Progress(String district, long open, long decided) {
    }

    /** A pair with where it lies: the streets of its two masters, and whose it is to decide. */
    public record Pair(long id, String district, long masterA, long masterB, double score, String evidence,
            String status, String unsureBy, Set<String> streets, String scope, String fingerprint) {
    }

    @Override
    public String titleKey() {
        return "nav.reviews";
    }

    @Override
    public String path() {
        return "/reviews";
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public long open(Jurisdiction jurisdiction) {
        return progress(jurisdiction).stream().mapToLong(Progress::open).sum();
    }

    public List<Map<String, Object>> open(String districtPrefix) {
        return jdbc.queryForList("""
                SELECT r.id, r.district_code, r.master_a, a.name AS name_a, r.master_b, b.name AS name_b, r.score,
                       r.evidence
                FROM org_review r JOIN org_master a ON a.id = r.master_a JOIN org_master b ON b.id = r.master_b
                WHERE r.status = 'open' AND r.district_code LIKE ? ORDER BY r.district_code, r.score DESC, r.id""",
                (districtPrefix == null ? "" : districtPrefix) + "%");
    }

    /** The jurisdiction as a condition on a pair {@code r} of masters {@code a}, {@code b}. */
    private static String where(Jurisdiction jurisdiction, List<Object> args) {
        if (jurisdiction.isStreet()) {
            args.add(jurisdiction.district());
            args.add(jurisdiction.like());
            args.add(jurisdiction.like());
            return "r.district_code = ? AND (a.community_code LIKE ? OR b.community_code LIKE ?)";
        }
        if (jurisdiction.district() != null) {
            // Equality, so the queue is read in score order from the index without a sort.
            args.add(jurisdiction.district());
            return "r.district_code = ?";
        }
        args.add(jurisdiction.like());
        return "r.district_code LIKE ?";
    }

    /** The masters a street's condition needs; a district's or city's is on the pair alone. */
    private static String masters(Jurisdiction jurisdiction) {
        // STRAIGHT_JOIN: read the pairs in the queue's index order and stop at the page, rather than
        // start from every master of the street and sort what they pair into.
        return jurisdiction.isStreet()
                ? "STRAIGHT_JOIN org_master a ON a.id = r.master_a STRAIGHT_JOIN org_master b ON b.id = r.master_b" : "";
    }

    /** The first page of the open pairs of the jurisdiction. */
    public List<Line> page(Jurisdiction jurisdiction) {
        return page(jurisdiction, Keyset.first()).lines();
    }

    /**
     * A page of the open pairs of the jurisdiction, highest score first, read from the index
     * {@code (status, district_code, score, id)} from the key on (never counted through with OFFSET).
     */
    public Keyset.Slice<Line> page(Jurisdiction jurisdiction, Keyset at) {
        int pages = (int) Math.max(1, (open(jurisdiction) + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Line> read = read(jurisdiction, at);
        if (at.mode() == Keyset.Mode.BEFORE && read.isEmpty()) {
            at = Keyset.first();
            read = read(jurisdiction, at);
        }
        return at.slice(read, PAGE_SIZE, pages, Line::key);
    }

    private List<Line> read(Jurisdiction jurisdiction, Keyset at) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(where(jurisdiction, args));
        if (at.mode() == Keyset.Mode.AFTER || at.mode() == Keyset.Mode.BEFORE) {
            java.util.regex.Matcher key = KEY.matcher(at.key());
            if (!key.matches()) {
                throw new IllegalArgumentException("翻页位置无效，请从第一页开始");
            }
            // The queue runs down the scores: after a key means a lower score, or the same and a lower id.
            String beyond = at.mode() == Keyset.Mode.AFTER ? "<" : ">";
            java.math.BigDecimal score = new java.math.BigDecimal(key.group(1));
            long id = Long.parseLong(key.group(2));
            where.append(" AND r.score ").append(beyond).append("= ? AND (r.score ").append(beyond)
                    .append(" ? OR (r.score = ? AND r.id ").append(beyond).append(" ?))");
            args.addAll(List.of(score, score, score, id));
        }
        args.add(PAGE_SIZE + 1);
        String order = at.backwards() ? "r.score, r.id" : "r.score DESC, r.id DESC";
        return jdbc.query("""
                SELECT r.id, r.district_code, r.master_a, a.name, r.master_b, b.name, r.score, r.evidence, r.unsure_at
                FROM (SELECT r.id FROM org_review r %s WHERE r.status = 'open' AND %s
                      ORDER BY %s LIMIT ?) p
                JOIN org_review r ON r.id = p.id
                JOIN org_master a ON a.id = r.master_a JOIN org_master b ON b.id = r.master_b
                ORDER BY %s""".formatted(masters(jurisdiction), where, order, order),
                (rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getDouble(7), rs.getString(8), rs.getTimestamp(9) != null),
                args.toArray());
    }

    /** Decided and open pairs per district of the jurisdiction, so nobody loses track. */
    public List<Progress> progress(Jurisdiction jurisdiction) {
        return progress.get(jurisdiction.prefix(), () -> countProgress(jurisdiction));
    }

    private List<Progress> countProgress(Jurisdiction jurisdiction) {
        List<Object> args = new ArrayList<>();
        String where = where(jurisdiction, args);
        return jdbc.query("""
                SELECT r.district_code, SUM(r.status = 'open'), SUM(r.status <> 'open')
                FROM org_review r %s
                WHERE %s GROUP BY r.district_code ORDER BY r.district_code""".formatted(masters(jurisdiction), where),
                (rs, n) -> new Progress(rs.getString(1), rs.getLong(2), rs.getLong(3)), args.toArray());
    }

    /** One pair the jurisdiction may see (either master inside it); another's id is not found. */
    public Pair pair(Jurisdiction jurisdiction, long id) {
        Pair pair = load(id, false);
        if (pair == null || !(jurisdiction.covers(pair.scope()) || jurisdiction.touches(pair.streets()))) {
            throw new RecordNotFound("review " + id);
        }
        return pair;
    }

    private Pair load(long id, boolean lock) {
        List<Map<String, Object>> found = jdbc.queryForList("""
                SELECT r.id, r.district_code, r.master_a, r.master_b, r.score, r.evidence, r.status, r.unsure_by,
                       a.community_code AS ca, b.community_code AS cb, a.merged_into AS ma, b.merged_into AS mb,
                       a.updated_at AS ua, b.updated_at AS ub,
                       (SELECT COUNT(*) FROM org_source s WHERE s.master_id = r.master_a) AS na,
                       (SELECT COUNT(*) FROM org_source s WHERE s.master_id = r.master_b) AS nb
                FROM org_review r JOIN org_master a ON a.id = r.master_a JOIN org_master b ON b.id = r.master_b
                WHERE r.id = ?""" + (lock ? " FOR UPDATE" : ""), id);
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Object> row = found.get(0);
        String district = (String) row.get("district_code");
        Set<String> streets = new TreeSet<>();
        boolean bothPlaced = true;
        for (String community : new String[] {(String) row.get("ca"), (String) row.get("cb")}) {
            if (community == null || community.length() < 9) {
                bothPlaced = false;
            } else {
                streets.add(community.substring(0, 9));
            }
        }
        String scope = bothPlaced && streets.size() == 1 ? streets.iterator().next() : district;
        String fingerprint = fingerprint(row.get("status"), row.get("ma"), row.get("mb"), row.get("ua"), row.get("ub"),
                row.get("na"), row.get("nb"));
        return new Pair(id, district, ((Number) row.get("master_a")).longValue(),
                ((Number) row.get("master_b")).longValue(), ((Number) row.get("score")).doubleValue(),
                (String) row.get("evidence"), (String) row.get("status"), (String) row.get("unsure_by"), streets, scope,
                fingerprint);
    }

    private static String fingerprint(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '|');
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A steward's decision on a pair as loaded ({@code fingerprint} from {@link #pair}; null from
     * the command line, which decides on the pair as it is).
     */
    @Transactional
    public Outcome decide(ConsoleUser user, long id, Decision decision, String fingerprint, String reason) {
        Pair pair = load(id, true);
        Jurisdiction jurisdiction = user.jurisdiction();
        if (pair == null || !(jurisdiction.covers(pair.scope()) || jurisdiction.touches(pair.streets()))) {
            throw new RecordNotFound("review " + id);
        }
        if (!jurisdiction.covers(pair.scope())) {
            throw new DecisionRefused("这一对涉及两个街道，由区县数据管理员决定；本街道只能查看。");
        }
        String done = switch (decision) {
            case MERGE -> "merged";
            case APART -> "apart";
            case UNSURE -> "open";
        };
        if (decision != Decision.UNSURE && done.equals(pair.status())) {
            return Outcome.ALREADY;
        }
        if (decision == Decision.UNSURE && "open".equals(pair.status()) && pair.unsureBy() != null
                && fingerprint != null && fingerprint.equals(pair.fingerprint())) {
            return Outcome.ALREADY;
        }
        if (!"open".equals(pair.status())) {
            throw new DecisionRefused("这一对已被处理为“" + ("merged".equals(pair.status()) ? "合并" : "不是同一组织")
                    + "”，不能再改为其他决定；如需更正请在主记录页拆分。");
        }
        if (fingerprint != null && !fingerprint.equals(pair.fingerprint())) {
            throw new DecisionRefused("这一对在您打开页面后已有变化（主记录的来源行或字段变了），请重新打开后再决定。");
        }
        switch (decision) {
            case MERGE -> merge(pair, user.username(), reason);
            case APART -> apart(pair, user.username(), reason);
            case UNSURE -> {
                log.record("unsure", "review " + id, "主记录 " + pair.masterA() + " 与 " + pair.masterB() + " 暂不确定",
                        user.username(), reason, pair.scope(), "org", pair.masterA());
                jdbc.update("UPDATE org_review SET unsure_by = ?, unsure_at = CURRENT_TIMESTAMP(6) WHERE id = ?",
                        user.username(), id);
            }
        }
        return Outcome.DONE;
    }

    @Transactional
    public void merge(long reviewId, String who, String reason) {
        merge(openReview(reviewId), who, reason);
    }

    private void merge(Pair pair, String who, String reason) {
        progress.clear();
        long keep = pair.masterA();
        long gone = pair.masterB();
        log.record("merge", "review " + pair.id(), "主记录 " + gone + " 并入 " + keep, who, reason, pair.scope(), "org",
                keep);
        jdbc.update("UPDATE org_source SET master_id = ?, how = 'steward' WHERE master_id = ?", keep, gone);
        jdbc.update("UPDATE org_master SET merged_into = ?, dirty = FALSE WHERE id = ?", keep, gone);
        jdbc.update("UPDATE org_master SET merged_into = ? WHERE merged_into = ?", keep, gone);
        jdbc.update("UPDATE org_review SET status = 'merged', decided_at = CURRENT_TIMESTAMP(6) WHERE id = ?", pair.id());
        survivorship.recompute("org", List.of(keep));
    }

    @Transactional
    public void apart(long reviewId, String who, String reason) {
        apart(openReview(reviewId), who, reason);
    }

    private void apart(Pair pair, String who, String reason) {
        progress.clear();
        long a = pair.masterA();
        long b = pair.masterB();
        log.record("apart", "review " + pair.id(), "主记录 " + a + " 与 " + b + " 不是同一组织", who, reason, pair.scope(),
                "org", a);
        jdbc.update("INSERT INTO master_apart (master_kind, master_a, master_b) VALUES ('org', ?, ?) "
                + "ON DUPLICATE KEY UPDATE master_a = master_a", Math.min(a, b), Math.max(a, b));
        jdbc.update("UPDATE org_review SET status = 'apart', decided_at = CURRENT_TIMESTAMP(6) WHERE id = ?", pair.id());
    }

    private Pair openReview(long reviewId) {
        Pair pair = load(reviewId, true);
        if (pair == null) {
            throw new IllegalArgumentException("没有编号为 " + reviewId + " 的疑似重复");
        }
        if (!"open".equals(pair.status())) {
            throw new IllegalStateException("疑似重复 " + reviewId + " 已处理（" + pair.status() + "）");
        }
        return pair;
    }
}
