package cn.sanshe.pipeline.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a data steward practises on: in the first street of the first district (建北街道 of 长安区 in
 * the demo city), a few rows every month that reconcile cannot settle alone —
 * <ul>
 * <li>two <b>doubtful duplicates</b>: a ledger lists a group twice, the second time with one
 * character different and another phone (same person in charge): scored between the review and
 * the merge thresholds, so each opens a review pair;</li>
 * <li><b>ORG_ACTIVE_BUT_CANCELLED</b>: a registered organization the ledger still lists while the
 * district registry has it 注销;</li>
 * <li><b>WORKER_TWO_COMMUNITIES</b>: one worker on the rosters of two communities;</li>
 * <li><b>CERT_NOT_IN_REGISTER</b>: a roster claims a certificate the district register lacks;</li>
 * <li><b>CERT_TWO_IDS</b>: the register holds one certificate number under two identity numbers.</li>
 * </ul>
 * Decided once from the city, so every month and every run writes the same rows.
 */
final class Practice {

    /** The day the practice organization was deregistered: before any demo month. */
    static final LocalDate CANCELLED_ON = LocalDate.of(2024, 6, 15);

    private final String street;
    private final String district;
    private final String cancelledKey;
    private final List<Organization> twins = new ArrayList<>();
    private final List<Worker> extraRoster = new ArrayList<>();
    private final String claimingKey;
    private final Certificate duplicateCertificate;

    Practice(Geography geography, Map<String, List<Organization>> ledgers, Map<String, List<Worker>> rosters,
            Map<String, List<Certificate>> outsiders) {
        District first = geography.districts().get(0);
        Street practiceStreet = first.streets().get(0);
        this.street = practiceStreet.code();
        this.district = first.code();
        List<Organization> ledger = ledgers.get(street);
        this.cancelledKey = ledger.stream()
                .filter(o -> o.creditCode() != null && o.deregisteredOn() == null && o.ledgerUntil() == null)
                .map(Organization::key).findFirst().orElse(null);
        ledger.stream()
                .filter(o -> o.creditCode() == null && o.person() != null && o.phone() != null
                        && o.ledgerFrom() == null && o.ledgerUntil() == null && o.ledgerName().length() >= 8)
                .limit(2)
                .forEach(o -> twins.add(twin(o)));
        List<Worker> roster = rosters.get(street).stream().filter(w -> w.from() == null && w.until() == null
                && !w.certified() && !w.legacyId() && !w.lowerX()).sorted(Comparator.comparing(Worker::key)).toList();
        Optional<Worker> moving = roster.stream().findFirst();
        moving.ifPresent(w -> practiceStreet.communities().stream()
                .filter(c -> !c.code().equals(w.communityCode())).findFirst()
                .ifPresent(other -> extraRoster.add(new Worker(w.key() + "-second", other.code(), w.streetCode(),
                        w.districtCode(), w.name(), w.idNumber(), w.birthDate(), w.gender(), w.education(),
                        w.politics(), w.post(), w.postRank(), w.committeeMember(), w.socialWorkPost(), null, null, 0,
                        w.hiredOn(), w.phone(), null, null, false, false))));
        this.claimingKey = roster.stream().skip(1).map(Worker::key).findFirst().orElse(null);
        Worker certified = rosters.get(street).stream().filter(w -> w.certified() && w.from() == null)
                .min(Comparator.comparing(Worker::key)).orElse(null);
        List<Certificate> agencyStaff = outsiders.getOrDefault(district, List.of());
        this.duplicateCertificate = certified == null || agencyStaff.isEmpty() ? null
                : new Certificate(agencyStaff.get(0).name(), agencyStaff.get(0).idNumber(), certified.certLevel(),
                        certified.certNumber(), certified.certYear(), agencyStaff.get(0).employer(),
                        agencyStaff.get(0).streetCode());
    }

    /** The same group written again with one character changed and another phone. */
    private static Organization twin(Organization o) {
        String name = o.ledgerName();
        char last = name.charAt(name.length() - 1);
        String twinName = name.substring(0, name.length() - 1) + (last == '会' ? '社' : '会');
        String phone = o.phone().substring(0, 3) + new StringBuilder(o.phone().substring(3)).reverse();
        return new Organization(o.key() + "-twin", o.districtCode(), o.streetCode(), o.communityCode(), twinName,
                null, o.domain(), o.person(), phone.equals(o.phone()) ? o.phone().substring(0, 10) + "9" : phone,
                o.founded(), null, null, null, null, null, null, false, o.address(), null, null);
    }

    /** The organization as the registry knows it: the practice one deregistered long ago. */
    Organization registryView(Organization o) {
        if (!o.key().equals(cancelledKey)) {
            return o;
        }
        return new Organization(o.key(), o.districtCode(), o.streetCode(), o.communityCode(), o.ledgerName(),
                o.registryName(), o.domain(), o.person(), o.phone(), o.founded(), o.filingNumber(), o.registeredType(),
                o.creditCode(), o.registeredOn(), CANCELLED_ON, o.rating(), o.socialWorkAgency(), o.address(),
                o.ledgerFrom(), o.ledgerUntil());
    }

    List<Organization> ledgerTwins(Street s) {
        return s.code().equals(street) ? twins : List.of();
    }

    /** The roster of the practice street with its extra line, and one worker claiming a certificate. */
    List<Worker> roster(Street s, List<Worker> roster) {
        if (!s.code().equals(street)) {
            return roster;
        }
        List<Worker> out = new ArrayList<>();
        for (Worker w : roster) {
            out.add(w.key().equals(claimingKey) ? claiming(w) : w);
        }
        out.addAll(extraRoster);
        return out;
    }

    private static Worker claiming(Worker w) {
        return new Worker(w.key(), w.communityCode(), w.streetCode(), w.districtCode(), w.name(), w.idNumber(),
                w.birthDate(), w.gender(), w.education(), w.politics(), w.post(), w.postRank(), w.committeeMember(),
                w.socialWorkPost(), "助理社会工作师", "20231139" + w.idNumber().substring(14, 17) + "99", 2023, w.hiredOn(),
                w.phone(), w.from(), w.until(), w.legacyId(), w.lowerX());
    }

    List<Certificate> extraCertificates(District d) {
        return d.code().equals(district) && duplicateCertificate != null ? List.of(duplicateCertificate) : List.of();
    }
}
