package cn.sanshe.pipeline.delivery;

import cn.sanshe.pipeline.jobs.JobOutcome;
import cn.sanshe.pipeline.system.PipelineProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Tells the operations address when any job fails: the step, the reason and the restart command
 * (every job bean gets this listener). When the mail server itself is what failed, the alert is
 * written to the outbox instead, so it is never lost, and logged.
 */
class JobFailureMail implements JobExecutionListener, BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(JobFailureMail.class);
    // 18-character identity numbers (and 15-digit old ones) are masked should a reason quote a cell.
    private static final Pattern IDENTITY = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    // Resolved when a job ends: a BeanPostProcessor is created before ordinary beans exist.
    private final ObjectProvider<MailGateway> gateway;
    private final ObjectProvider<DeliveryProperties> properties;
    private final ObjectProvider<PipelineProperties> paths;

    JobFailureMail(ObjectProvider<MailGateway> gateway, ObjectProvider<DeliveryProperties> properties,
            ObjectProvider<PipelineProperties> paths) {
        this.gateway = gateway;
        this.properties = properties;
        this.paths = paths;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        return bean;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return;
        }
        DeliveryProperties delivery = properties.getObject();
        if (delivery.operations().isEmpty()) {
            log.warn("job {} failed and no pipeline.delivery.operations address is configured", execution.getId());
            return;
        }
        JobOutcome outcome = JobOutcome.of(execution);
        String name = "alerts/" + STAMP.format(LocalDateTime.now()) + "-" + outcome.jobName() + "-" + outcome.executionId();
        try {
            MimeMessage message = compose(gateway.getObject(), delivery, outcome);
            try (MailGateway.Connection connection = gateway.getObject().open()) {
                connection.send(message, name);
            } catch (MessagingException smtpDown) {
                log.error("failure mail for job execution {} could not be sent ({}); written to the outbox instead",
                        outcome.executionId(), Deliverer.rootMessage(smtpDown));
                try (MailGateway.Connection outbox = new OutboxGateway(paths.getObject().outbox()).open()) {
                    outbox.send(message, name);
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // Never let the alert break the job's own bookkeeping.
            log.error("failure mail for job execution {} failed", execution.getId(), e);
        }
    }

    static MimeMessage compose(MailGateway gateway, DeliveryProperties delivery, JobOutcome outcome)
            throws MessagingException {
        MimeMessage message = new MimeMessage(gateway.session());
        message.setFrom(new InternetAddress(delivery.from(), true));
        message.setRecipients(MimeMessage.RecipientType.TO,
                InternetAddress.parse(String.join(",", delivery.operations()), true));
        message.setSubject("【流水线作业失败】" + cn.sanshe.pipeline.jobs.JobText.job(outcome.jobName()) + " 执行号 " + outcome.executionId(),
                "UTF-8");
        message.setSentDate(new Date());
        message.setText(body(outcome), "UTF-8");
        message.saveChanges();
        return message;
    }

    static String body(JobOutcome outcome) {
        return mask(outcome.describe()) + "\n\n运行节点：" + Nodes.thisNode()
                + "\n查看各步骤计数：" + cn.sanshe.pipeline.cli.CommandLineFrame.JAR + " jobs show " + outcome.executionId()
                + "\n\n此邮件由三社联动数据流水线自动发送。\n";
    }

    static String mask(String text) {
        return IDENTITY.matcher(text).replaceAll("[已隐去]");
    }
}
