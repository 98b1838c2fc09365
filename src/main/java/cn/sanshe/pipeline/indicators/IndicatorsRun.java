package cn.sanshe.pipeline.indicators;

import cn.sanshe.pipeline.console.Places;
import cn.sanshe.pipeline.jobs.JobControl;
import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.jobs.JobText;
import cn.sanshe.pipeline.system.RunLock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Starts {@code indicatorsJob} for a month and sums up what it stored. Profiles and scopes are
 * checked before anything starts (an unknown one is a usage mistake); two indicator jobs never
 * run at once ({@link RunLock#INDICATORS}), across processes and hosts.
 */
@Service
public class IndicatorsRun {

    private final JobControl jobs;
    private final Job indicatorsJob;
    private final RunLock runLock;
    private final Profiles profiles;
    private final Scopes scopes;
    private final Places places;
    private final String defaultProfile;

    IndicatorsRun(JobControl jobs, Job indicatorsJob, RunLock runLock, Profiles profiles, Scopes scopes, Places places,
            @Value("${pipeline.report.profile:shijiazhuang-2020}") String defaultProfile) {
        this.jobs = jobs;
        this.indicatorsJob = indicatorsJob;
        this.runLock = runLock;
        this.profiles = profiles;
        this.scopes = scopes;
        this.places = places;
        this.defaultProfile = defaultProfile;
    }

    /** The outcome, and what it stored (or which scopes failed), in lines for people. */
    public record Result(JobOutcome outcome, List<String> summary, Map<String, List<Long>> runsByScope) {
    }

    /** The profiles of the job parameter {@code profiles}, in order (comma-separated). */
    static List<String> profiles(String parameter) {
        return parameter == null || parameter.isBlank() ? List.of() : Arrays.asList(parameter.split(","));
    }

    /** The profile names this run would use: the given ones (null or blank = the default), distinct, in order. */
    public List<String> profileNames(Collection<String> asked) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String name : asked == null ? List.<String>of() : asked) {
            names.add(name == null || name.isBlank() ? defaultProfile : name.strip());
        }
        if (names.isEmpty()) {
            names.add(defaultProfile);
        }
        return List.copyOf(names);
    }

    /**
     * Computes and stores the month's figures of every scope (the root, provinces, cities,
     * districts), once per profile.
     *
     * @throws IllegalArgumentException an unknown profile (before anything runs)
     */
    public Result allScopes(YearMonth period, Collection<String> profileNames) throws Exception {
        return run(period, profileNames, null);
    }

    /**
     * As {@link #allScopes} for the given scopes only (codes of 2, 4, 6, 9 or 12 digits).
     *
     * @throws IllegalArgumentException an unknown profile or scope (before anything runs)
     */
    public Result run(YearMonth period, Collection<String> profileNames, List<String> scopeCodes) throws Exception {
        List<String> names = profileNames(profileNames);
        names.forEach(profiles::load);                      // unknown: IllegalArgumentException, a usage mistake
        List<String> codes = null;
        if (scopeCodes != null && !scopeCodes.isEmpty()) {
            LinkedHashSet<String> resolved = new LinkedHashSet<>();
            for (String code : scopeCodes) {
                resolved.add(scopes.resolve(code).code());  // unknown: IllegalArgumentException
            }
            codes = List.copyOf(resolved);
        }
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("period", period.toString())
                .addString("profiles", String.join(",", names))
                .addLong("requestedAt", System.currentTimeMillis());
        if (codes != null) {
            parameters.addString("scopes", String.join(",", codes));
        }
        String what = "indicators --period " + period + (codes == null ? " --all-scopes" : " --scope " + String.join(",", codes))
                + names.stream().map(name -> " --profile " + name).reduce("", String::concat);
        try (RunLock.Held ignored = runLock.hold(RunLock.INDICATORS, what)) {
            return summarise(jobs.run(indicatorsJob, parameters.toJobParameters()));
        }
    }

    /** What an execution (a run or a restart) of {@code indicatorsJob} stored and where it failed. */
    public Result summarise(JobOutcome outcome) {
        JobExecution execution = jobs.execution(outcome.executionId());
        String period = execution.getJobParameters().getString("period");
        List<String> names = profiles(execution.getJobParameters().getString("profiles"));
        Map<String, List<Long>> runs = new TreeMap<>(java.util.Comparator
                .comparingInt(IndicatorsJobConfiguration::level).thenComparing(code -> code));
        List<String> failed = new ArrayList<>();
        int[] byLevel = new int[5];
        long figures = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStepName().startsWith(IndicatorsJobConfiguration.WORKER_STEP + ":")) {
                continue;
            }
            String scope = step.getExecutionContext().containsKey(IndicatorsJobConfiguration.SCOPE)
                    ? step.getExecutionContext().getString(IndicatorsJobConfiguration.SCOPE)
                    : JobText.partitionPlace(step.getStepName());
            if (step.getStatus() == BatchStatus.COMPLETED) {
                String ids = step.getExecutionContext().containsKey(IndicatorsJobConfiguration.RUN_IDS)
                        ? step.getExecutionContext().getString(IndicatorsJobConfiguration.RUN_IDS) : "";
                runs.put(scope, ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList());
                byLevel[IndicatorsJobConfiguration.level(scope)]++;
                figures += step.getWriteCount();
            } else {
                failed.add(places.name(scope) + "（" + scope + "）" + JobText.status(step.getStatus()));
            }
        }
        List<String> lines = new ArrayList<>();
        String targets = String.join("；", names.stream().map(name -> profiles.title(name) + "，--profile " + name).toList());
        lines.add(String.format("指标 %s（目标口径：%s）：本次计算 %d 个范围（全国 %d、省级 %d、市级 %d、区县 %d），存储 %d 次计算、%,d 个数字",
                period, targets, runs.size(), byLevel[0], byLevel[1], byLevel[2], byLevel[3],
                runs.values().stream().mapToInt(List::size).sum(), figures));
        if (!failed.isEmpty()) {
            lines.add("未完成的范围：" + String.join("、", failed));
        }
        return new Result(outcome, lines, runs);
    }
}
