package cn.sanshe.pipeline.reconcile.match;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the matcher knows of one master: every normalised name, community, person and phone its
 * rows have carried, so a row matches a master by anything the master has been called.
 */
public final class OrgEntry {

    private final long masterId;
    private String creditCode;
    private final Set<String> names = new HashSet<>();
    private final Set<String> communities = new HashSet<>();
    private final Set<String> persons = new HashSet<>();
    private final Set<String> phones = new HashSet<>();
    private String primaryName;
    private List<String> primaryPinyin;

    OrgEntry(long masterId) {
        this.masterId = masterId;
    }

    public long masterId() {
        return masterId;
    }

    public String creditCode() {
        return creditCode;
    }

    void absorb(OrgRow row) {
        if (primaryName == null) {
            primaryName = row.normName();
            primaryPinyin = Pinyin.syllables(primaryName);
        }
        names.add(row.normName());
        if (row.creditCode() != null && creditCode == null) {
            creditCode = row.creditCode();
        }
        addIfPresent(communities, row.community());
        addIfPresent(persons, row.person());
        addIfPresent(phones, row.phone());
    }

    Set<String> names() {
        return names;
    }

    String primaryName() {
        return primaryName;
    }

    List<String> primaryPinyin() {
        return primaryPinyin;
    }

    boolean inCommunity(String community) {
        return community != null && communities.contains(community);
    }

    boolean hasPerson(String person) {
        return person != null && persons.contains(person);
    }

    boolean hasAnyPerson() {
        return !persons.isEmpty();
    }

    boolean hasAnyPhone() {
        return !phones.isEmpty();
    }

    boolean hasPhone(String phone) {
        return phone != null && phones.contains(phone);
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value.trim());
        }
    }
}
