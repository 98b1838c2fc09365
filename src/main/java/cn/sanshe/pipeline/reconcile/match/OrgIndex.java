package cn.sanshe.pipeline.reconcile.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One district's masters in memory for a partition (a district has thousands of organizations,
 * never the nation's): by credit code, by every name they were called, by community.
 */
public final class OrgIndex {

    private final Map<Long, OrgEntry> byId = new HashMap<>();
    private final Map<String, OrgEntry> byCredit = new HashMap<>();
    private final Map<String, List<OrgEntry>> byName = new HashMap<>();
    private final Map<String, List<OrgEntry>> byCommunity = new HashMap<>();

    /** Adds what a row tells of its master (also for rows linked in earlier runs). */
    public void absorb(long masterId, OrgRow row) {
        OrgEntry entry = byId.computeIfAbsent(masterId, OrgEntry::new);
        boolean newName = !entry.names().contains(row.normName());
        boolean newCommunity = row.community() != null && !entry.inCommunity(row.community());
        entry.absorb(row);
        if (entry.creditCode() != null) {
            byCredit.putIfAbsent(entry.creditCode(), entry);
        }
        if (newName) {
            byName.computeIfAbsent(row.normName(), n -> new ArrayList<>(1)).add(entry);
        }
        if (newCommunity) {
            byCommunity.computeIfAbsent(row.community(), c -> new ArrayList<>()).add(entry);
        }
    }

    OrgEntry byCredit(String creditCode) {
        return creditCode == null ? null : byCredit.get(creditCode);
    }

    List<OrgEntry> byName(String normName) {
        return byName.getOrDefault(normName, List.of());
    }

    List<OrgEntry> inCommunity(String community) {
        return community == null ? List.of() : byCommunity.getOrDefault(community, List.of());
    }

    public int size() {
        return byId.size();
    }
}
