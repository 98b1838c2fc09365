package cn.sanshe.pipeline.indicators;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of metrics.md for a scope and a month-end period, judged against a target profile:
 * the scope's own figures and one set per child unit (a city's districts, a district's streets),
 * in {@link Indicator} order, each variant for the scope first and then the children by code.
 * Each computation reads one consistent snapshot of the database (one read transaction).
 */
@Service
public class IndicatorService {

    private final Scopes scopes;
    private final Profiles profiles;
    private final Snapshot snapshot;
    private final IndicatorStore store;

    IndicatorService(Scopes scopes, Profiles profiles, Snapshot snapshot, IndicatorStore store) {
        this.scopes = scopes;
        this.profiles = profiles;
        this.snapshot = snapshot;
        this.store = store;
    }

    /**
     * @param scopeCode12 a province, city, district or street of the division reference
     * @param profile     a target profile name ({@code shijiazhuang-2020} …), or null for figures without targets
     */
    @Transactional(readOnly = true)
    public List<IndicatorValue> compute(String scopeCode12, YearMonth period, String profile) {
        return calculate(scopes.resolve(scopeCode12), period, profiles.load(profile));
    }

    /** Computes and stores the figures; returns the run id a report renders from. */
    @Transactional
    public long run(String scopeCode12, YearMonth period, String profile) {
        Scope scope = scopes.resolve(scopeCode12);
        List<IndicatorValue> values = calculate(scope, period, profiles.load(profile));
        return store.save(scope.code(), period, profile, store.dataCutoff(), values);
    }

    /** A scope and its child units (a city's districts, a district's streets), by code. */
    @Transactional(readOnly = true)
    public Scope scope(String scopeCode) {
        return scopes.resolve(scopeCode);
    }

    /** The figures of a stored run, exactly as they were computed. */
    @Transactional(readOnly = true)
    public List<IndicatorValue> stored(long runId) {
        if (store.run(runId).isEmpty()) {
            throw new IllegalArgumentException("没有编号为 " + runId + " 的指标计算");
        }
        return store.values(runId);
    }

    /** A stored run's scope, period, profile, computation time and data cut-off. */
    public Optional<IndicatorRun> storedRun(long runId) {
        return store.run(runId);
    }

    /**
     * A yearly edition's figures: the 12 monthly snapshots, January to December (December is the
     * year-end), from one consistent read of the database.
     */
    @Transactional(readOnly = true)
    public Map<YearMonth, List<IndicatorValue>> year(String scopeCode12, int year, String profile) {
        Scope scope = scopes.resolve(scopeCode12);
        Profile targets = profiles.load(profile);
        Map<YearMonth, List<IndicatorValue>> months = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth period = YearMonth.of(year, month);
            months.put(period, calculate(scope, period, targets));
        }
        return months;
    }

    /** Computes and stores the 12 monthly sets of a yearly edition; returns their run ids by month. */
    @Transactional
    public Map<YearMonth, Long> runYear(String scopeCode12, int year, String profile) {
        Scope scope = scopes.resolve(scopeCode12);
        Profile targets = profiles.load(profile);
        var cutoff = store.dataCutoff();
        Map<YearMonth, Long> runs = new LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth period = YearMonth.of(year, month);
            runs.put(period, store.save(scope.code(), period, profile, cutoff, calculate(scope, period, targets)));
        }
        return runs;
    }

    private List<IndicatorValue> calculate(Scope scope, YearMonth period, Profile profile) {
        return Calculator.values(scope, period.toString(), profile, snapshot.collect(scope, period, profile));
    }

    /** The newest change among the inputs of a computation (a file loaded, a master updated), or null. */
    @Transactional(readOnly = true)
    public java.time.LocalDateTime dataCutoff() {
        return store.dataCutoff();
    }

    /**
     * A stored run of the scope, month and profile computed from the inputs as they are now (none
     * loaded or changed since), to use instead of computing the same figures again; else a new run.
     */
    @Transactional
    public long runOrReuse(String scopeCode12, YearMonth period, String profile) {
        Scope scope = scopes.resolve(scopeCode12);
        return store.runAsOf(scope.code(), period, profile, store.dataCutoff())
                .orElseGet(() -> store.save(scope.code(), period, profile, store.dataCutoff(),
                        calculate(scope, period, profiles.load(profile))));
    }
}
