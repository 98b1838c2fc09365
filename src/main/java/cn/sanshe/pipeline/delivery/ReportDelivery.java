package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.delivery.DeliveryProperties.Edition;
import cn.sanshe.pipeline.identifiers.DivisionCode;
import cn.sanshe.pipeline.delivery.DeliveryProperties.Recipient;
import cn.sanshe.pipeline.reports.RenderedReport;
import cn.sanshe.pipeline.reports.ReportRenderer;
import cn.sanshe.pipeline.reports.ReportRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one step of {@code reportDeliveryJob}: for every edition of the period's cadence, render the
 * dashboard and mail it to whoever has not had it. An edition whose recipients all have it is not
 * rendered again. The step fails when any mail is left undelivered or uncertain, so the failure
 * mail reaches operators and {@code jobs restart} sends only what is missing.
 */
class ReportDelivery implements Tasklet {

    private final ObjectProvider<ReportRenderer> renderer;
    private final Deliverer deliverer;
    private final DeliveryLog deliveryLog;
    private final DeliveryProperties properties;
    private final JdbcTemplate jdbc;

    ReportDelivery(ObjectProvider<ReportRenderer> renderer, Deliverer deliverer, DeliveryLog deliveryLog,
            DeliveryProperties properties, JdbcTemplate jdbc) {
        this.renderer = renderer;
        this.deliverer = deliverer;
        this.deliveryLog = deliveryLog;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String period = chunkContext.getStepContext().getStepExecution().getJobParameters().getString("period");
        List<Deliverer.Result> results = new ArrayList<>();
        Deliverer.Outage outage = new Deliverer.Outage();
        for (Edition edition : properties.editions()) {
            if (!edition.covers(period)) {
                continue;
            }
            List<String> addresses = edition.recipients().stream().map(Recipient::address).toList();
            addresses.forEach(address -> contribution.incrementReadCount());
            if (deliveryLog.allSent(edition.name(), period, addresses)) {
                addresses.forEach(a -> results.add(new Deliverer.Result(edition.name(), a, Deliverer.Status.ALREADY_SENT, "")));
                continue;
            }
            RenderedReport report = renderer().render(new ReportRequest(period, edition.scope(), edition.profile(), null));
            results.addAll(deliverer.deliver(edition, period, report, scopeName(edition.scope()), outage));
        }
        long sent = results.stream().filter(r -> r.status() == Deliverer.Status.SENT).count();
        contribution.incrementWriteCount(sent);
        contribution.incrementFilterCount(results.stream().filter(r -> r.status() == Deliverer.Status.ALREADY_SENT).count());
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("mails.sent", sent);
        List<Deliverer.Result> problems = results.stream().filter(Deliverer.Result::needsOperators).toList();
        if (!problems.isEmpty()) {
            throw new UndeliveredException(period, problems);
        }
        return RepeatStatus.FINISHED;
    }

    private ReportRenderer renderer() {
        ReportRenderer available = renderer.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("报表渲染模块不可用，无法生成要发送的看板");
        }
        return available;
    }

    private String scopeName(String scope) {
        List<String> names = jdbc.queryForList("SELECT name FROM division WHERE code = ?", String.class, scope);
        if (names.isEmpty()) {
            return DivisionCode.ROOT.equals(scope) ? "全国" : scope;   // the root is no row of the reference
        }
        return names.get(0);
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
