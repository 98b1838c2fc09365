package cn.sanshe.pipeline.demo.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simulated city as a whole, and what each unit would report for a month. Everything is
 * generated once from the seed; a month only selects who and what is current.
 */
public final class DemoCity {

    private final Geography geography;
    private final long seed;
    private final OrganizationPool organizations;
    private final WorkerPool workers;
    private final FacilityPool facilities;
    private final Practice practice;

    private DemoCity(Geography geography, long seed) {
        this.geography = geography;
        this.seed = seed;
        Codes codes = new Codes();
        this.organizations = new OrganizationPool(geography, seed, codes);
        this.workers = new WorkerPool(geography, seed, codes, organizations.districtLevel);
        this.facilities = new FacilityPool(geography, seed, organizations.districtLevel);
        this.practice = new Practice(geography, organizations.byStreet, workers.byStreet, workers.outsiders);
    }

    public static DemoCity build(Geography geography, long seed) {
        return new DemoCity(geography, seed);
    }

    Geography geography() {
        return geography;
    }

    long seed() {
        return seed;
    }

    List<CommunityProfile> profiles(Street street) {
        return facilities.profilesByStreet.get(street.code());
    }

    ServiceCentre centre(Street street) {
        return facilities.centres.get(street.code());
    }

    /** S2 in the order a ledger grows: by community, then by founding. */
    List<Organization> ledger(Street street, YearMonth month) {
        List<Organization> listed = new ArrayList<>(organizations.byStreet.get(street.code()));
        listed.addAll(practice.ledgerTwins(street));
        return listed.stream().filter(o -> o.onLedger(month))
                .sorted(Comparator.comparing(Organization::communityCode).thenComparing(Organization::founded)
                        .thenComparing(Organization::key))
                .toList();
    }

    /** D1: everything the district has registered by the month, closed ones included. */
    List<Organization> registry(District district, YearMonth month) {
        List<Organization> all = new ArrayList<>(organizations.districtLevel.get(district.code()));
        district.streets().forEach(s -> all.addAll(organizations.byStreet.get(s.code())));
        return all.stream().map(practice::registryView).filter(o -> o.registeredBy(month))
                .sorted(Comparator.comparing(Organization::registeredOn).thenComparing(Organization::creditCode))
                .toList();
    }

    /** S3 grouped by community, leaders first, as rosters are laid out. */
    List<Worker> roster(Street street, YearMonth month) {
        return practice.roster(street, workers.byStreet.get(street.code())).stream().filter(w -> w.onRoster(month))
                .sorted(Comparator.comparing(Worker::communityCode).thenComparingInt(Worker::postRank)
                        .thenComparing(Worker::hiredOn).thenComparing(Worker::key))
                .toList();
    }

    /** D3: certificates of everyone who has worked in the district's communities, plus agency staff. */
    List<Certificate> certificates(District district, YearMonth month) {
        List<Certificate> out = new ArrayList<>(workers.outsiders.get(district.code()));
        out.addAll(practice.extraCertificates(district));
        for (Street s : district.streets()) {
            for (Worker w : workers.byStreet.get(s.code())) {
                if (w.certifiedBy(month)) {
                    out.add(new Certificate(w.name(), w.idNumber(), w.certLevel(), w.certNumber(), w.certYear(),
                            employer(s, w), s.code()));
                }
            }
        }
        out.sort(Comparator.comparing(Certificate::number));
        return out;
    }

    private static String employer(Street street, Worker worker) {
        Community c = street.communities().stream().filter(x -> x.code().equals(worker.communityCode()))
                .findFirst().orElseThrow();
        return street.name() + c.name() + (c.rural() ? "村民委员会" : "居民委员会");
    }

    List<Incubator> incubators(District district, YearMonth month) {
        return facilities.incubatorsByDistrict.get(district.code()).stream().filter(i -> i.openBy(month))
                .sorted(Comparator.comparingInt(Incubator::levelRank)).toList();
    }
}
