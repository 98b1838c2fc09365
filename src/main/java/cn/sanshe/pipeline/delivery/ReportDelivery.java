package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.DeliveryProperties.Edition;
import cn.sanshe.pipeline.delivery.DeliveryProperties.Recipient;
import cn.sanshe.pipeline.partition.Parallelism;
import cn.sanshe.pipeline.reports.PeriodFinality;
import cn.sanshe.pipeline.reports.RenderedReport;
import cn.sanshe.pipeline.reports.ReportRenderer;
import cn.sanshe.pipeline.reports.ReportRequest;
import cn.sanshe.pipeline.reports.layout.FigureChange;
import cn.sanshe.pipeline.reports.layout.Marking;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The one step of {@code reportDeliveryJob}, for every edition of the period's cadence:
 * <ul>
 * <li>a period that is not final is not sent (unless the run is {@code provisional}: then a
 *     预览版 goes to every recipient, once per state of the data, and the final edition is still due);</li>
 * <li>the final edition goes to whoever has not had it, every recipient with the figures it was
 *     first rendered from;</li>
 * <li>once everyone has it, when inputs changed since, the figures are computed again and, if any
 *     printed figure differs from the last edition sent, a 更正版 listing them goes to the same
 *     recipients, once.</li>
 * </ul>
 * The step fails when any mail is left undelivered or uncertain, so the failure mail reaches
 * operators and {@code jobs restart} sends only what is missing.
 */
class ReportDelivery implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportDelivery.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ObjectProvider<ReportRenderer> renderer;
    private final Deliverer deliverer;
    private final DeliveryLog deliveryLog;
    private final EditionLog editions;
    private final DeliveryProperties properties;
    private final PeriodFinality finality;
    private final int parallel;

    ReportDelivery(ObjectProvider<ReportRenderer> renderer, Deliverer deliverer, DeliveryLog deliveryLog,
            EditionLog editions, DeliveryProperties properties, PeriodFinality finality, int parallelEditions) {
        this.renderer = renderer;
        this.deliverer = deliverer;
        this.deliveryLog = deliveryLog;
        this.editions = editions;
        this.properties = properties;
        this.finality = finality;
        this.parallel = Parallelism.of(parallelEditions);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
        String period = parameters.getString("period");
        boolean provisional = "provisional".equals(parameters.getString("kind"));
        List<Deliverer.Result> results = new ArrayList<>();
        Deliverer.Outage outage = new Deliverer.Outage();
        Map<String, RenderedReport> rendered = provisional ? Map.of() : renderAhead(period);
        for (Edition edition : properties.editions()) {
            if (!edition.covers(period)) {
                continue;
            }
            edition.recipients().forEach(address -> contribution.incrementReadCount());
            Optional<String> notFinal = finality.notFinal(edition.scope(), period);
            if (provisional) {
                if (notFinal.isEmpty()) {
                    edition.recipients().forEach(r -> results.add(new Deliverer.Result(edition.name(), r.address(),
                            Deliverer.Status.NOT_FINAL, "本期已截止，发送正式版（不加 --provisional）")));
                    continue;
                }
                LocalDateTime cutoff = renderer().dataCutoff();
                String kind = "provisional:" + (cutoff == null ? "none" : STAMP.format(cutoff));
                results.addAll(send(edition, period, kind, Marking.Kind.PROVISIONAL, List.of(), edition.recipients(),
                        outage));
                continue;
            }
            if (notFinal.isPresent()) {
                edition.recipients().forEach(r -> results.add(new Deliverer.Result(edition.name(), r.address(),
                        Deliverer.Status.NOT_FINAL, notFinal.get())));
                continue;
            }
            results.addAll(send(edition, period, DeliveryLog.FINAL, Marking.Kind.FINAL, List.of(),
                    edition.recipients(), outage, rendered.get(edition.name())));
            if (deliveryLog.allSent(edition.name(), period, DeliveryLog.FINAL, addresses(edition.recipients()))) {
                results.addAll(corrections(edition, period, outage));
            }
        }
        long sent = results.stream().filter(r -> r.status() == Deliverer.Status.SENT).count();
        contribution.incrementWriteCount(sent);
        contribution.incrementFilterCount(results.stream().filter(r -> r.status() != Deliverer.Status.SENT
                && !r.needsOperators()).count());
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("mails.sent", sent);
        List<Deliverer.Result> problems = results.stream().filter(Deliverer.Result::needsOperators).toList();
        if (!problems.isEmpty()) {
            throw new UndeliveredException(period, problems);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * One kind of an edition to these recipients, each once: rendered from the runs it was first
     * rendered from when it was (a restart, a recipient added later), else rendered now and kept.
     */
    private List<Deliverer.Result> send(Edition edition, String period, String kind, Marking.Kind marking,
            List<FigureChange> changes, List<Recipient> recipients, Deliverer.Outage outage) throws Exception {
        return send(edition, period, kind, marking, changes, recipients, outage, null);
    }

    /** As above; {@code ahead} is the edition {@link #renderAhead} rendered and recorded for this run, if it did. */
    private List<Deliverer.Result> send(Edition edition, String period, String kind, Marking.Kind marking,
            List<FigureChange> changes, List<Recipient> recipients, Deliverer.Outage outage, RenderedReport ahead)
            throws Exception {
        if (deliveryLog.allSent(edition.name(), period, kind, addresses(recipients))) {
            return recipients.stream().map(r -> new Deliverer.Result(edition.name(), r.address(),
                    Deliverer.Status.ALREADY_SENT, kind)).toList();
        }
        if (ahead != null) {
            return deliverer.deliver(edition, period, kind, recipients, ahead, outage);
        }
        ReportRequest request = new ReportRequest(period, edition.scope(), edition.profile(), null, marking, changes);
        Optional<EditionLog.Sent> before = editions.find(edition.name(), period, kind);
        RenderedReport report;
        if (before.isPresent()) {
            report = renderer().rerender(before.get().runIds(), request.as(marking, before.get().changes()));
        } else {
            report = renderer().render(request);
            editions.record(edition.name(), period, kind, report.runIds(), report.dataCutoff(), report.title(), changes);
        }
        return deliverer.deliver(edition, period, kind, recipients, report, outage);
    }

    /**
     * The final editions of the period this run will render — final, owed to someone, never
     * rendered for it before — rendered and recorded ahead on a small pool (one per processor
     * unless {@code pipeline.delivery.parallel-editions} says otherwise; the figures are read and
     * the templates filled for several editions at once, which keeps both cores busy), the largest
     * scopes first. Exactly what {@link #send} would render and record for each, one after another;
     * the mails still go in the editions' order. Several editions of one scope and profile render
     * one after another (they share runs and their annex). An edition whose render fails here is
     * left to {@link #send}, which fails on it in its turn, as without rendering ahead.
     */
    private Map<String, RenderedReport> renderAhead(String period) {
        Map<String, List<Edition>> byScope = new LinkedHashMap<>();
        for (Edition edition : properties.editions()) {
            if (edition.covers(period) && finality.notFinal(edition.scope(), period).isEmpty()
                    && !deliveryLog.allSent(edition.name(), period, DeliveryLog.FINAL, addresses(edition.recipients()))
                    && editions.find(edition.name(), period, DeliveryLog.FINAL).isEmpty()) {
                byScope.computeIfAbsent(edition.scope() + "|" + edition.profile(), k -> new ArrayList<>()).add(edition);
            }
        }
        int threads = Math.min(parallel, byScope.size());
        if (threads <= 1) {
            return Map.of();                                // one after another, as send() renders them
        }
        List<List<Edition>> groups = new ArrayList<>(byScope.values());
        // the root and provinces (fewest digits of their own) first: no big one left for the end
        groups.sort(Comparator.comparingInt(group -> group.get(0).scope().replaceFirst("0+$", "").length()));
        Map<String, RenderedReport> rendered = new ConcurrentHashMap<>();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "editions-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (List<Edition> group : groups) {
                pending.add(pool.submit(() -> {
                    for (Edition edition : group) {
                        try {
                            ReportRequest request = new ReportRequest(period, edition.scope(), edition.profile(), null,
                                    Marking.Kind.FINAL, List.of());
                            RenderedReport report = renderer().render(request);
                            editions.record(edition.name(), period, DeliveryLog.FINAL, report.runIds(),
                                    report.dataCutoff(), report.title(), List.of());
                            rendered.put(edition.name(), report);
                        } catch (RuntimeException failed) {
                            log.warn("edition {} {} not rendered ahead ({}); rendered in its turn", edition.name(),
                                    period, failed.toString());
                        }
                    }
                }));
            }
            for (Future<?> task : pending) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("看板生成被中断", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return rendered;
    }

    /**
     * A 更正版 when printed figures of the last edition sent (the final one or the last correction)
     * changed since: computed again only when an input changed after the figures were last looked at.
     */
    private List<Deliverer.Result> corrections(Edition edition, String period, Deliverer.Outage outage) throws Exception {
        Optional<EditionLog.Sent> latest = editions.latestDelivered(edition.name(), period);
        if (latest.isEmpty()) {
            return List.of();
        }
        // the readers of a correction are those who had the final edition
        List<String> readers = deliveryLog.sentTo(edition.name(), period, DeliveryLog.FINAL);
        List<Recipient> recipients = edition.recipients().stream().filter(r -> readers.contains(r.address())).toList();
        EditionLog.Sent last = latest.get();
        if (last.correction() > 0 && !deliveryLog.allSent(edition.name(), period, last.kind(), addresses(recipients))) {
            return send(edition, period, last.kind(), Marking.Kind.CORRECTION, last.changes(), recipients, outage);
        }
        LocalDateTime cutoff = renderer().dataCutoff();
        if (cutoff != null && last.seen() != null && !cutoff.isAfter(last.seen())) {
            return List.of();                              // nothing loaded or changed since
        }
        ReportRequest request = new ReportRequest(period, edition.scope(), edition.profile(), null);
        List<Long> now = renderer().compute(request);
        List<FigureChange> changes = renderer().changes(last.runIds(), now);
        if (changes.isEmpty()) {
            editions.checked(last.id(), cutoff);
            return recipients.stream().map(r -> new Deliverer.Result(edition.name(), r.address(),
                    Deliverer.Status.UNCHANGED, "数字未变")).toList();
        }
        String kind = "correction-" + (last.correction() + 1);
        RenderedReport report = renderer().rerender(now, request.as(Marking.Kind.CORRECTION, changes));
        editions.record(edition.name(), period, kind, now, report.dataCutoff(), report.title(), changes);
        return deliverer.deliver(edition, period, kind, recipients, report, outage);
    }

    private static List<String> addresses(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::address).toList();
    }

    private ReportRenderer renderer() {
        ReportRenderer available = renderer.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("报表渲染模块不可用，无法生成要发送的看板");
        }
        return available;
    }

    /** What operators read in the failure mail: how many, to whom, and the server's answer. */
    static final class UndeliveredException extends RuntimeException {

        UndeliveredException(String period, List<Deliverer.Result> problems) {
            super(message(period, problems));
        }

        private static String message(String period, List<Deliverer.Result> problems) {
            StringBuilder text = new StringBuilder(period + " 有 " + problems.size() + " 封看板邮件未送达：");
            problems.stream().limit(20).forEach(p -> text.append("\n  ").append(p.edition()).append(" → ")
                    .append(p.recipient()).append("：").append(p.detail()));
            return text.toString();
        }
    }
}
