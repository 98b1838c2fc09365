package cn.sanshe.pipeline.partition;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import picocli.CommandLine.Command;

/**
 * {@code worker}: takes partitions of ingest, reconcile and indicators from the broker and runs them until
 * stopped (Ctrl-C, {@code systemctl stop}, or a kill: a partition it was running is then
 * recovered and restarted by operators, README "Running workers on several machines").
 */
@Command(name = "worker", description = {"远程分区的工作节点：从消息中间件领取入库、匹配的分区（每区县一个）和指标的分区（每范围一个）并运行，直到停止。",
    "需要 --pipeline.partitioning.mode=remote、--pipeline.partitioning.broker-url=tcp://主机:端口，",
    "以及与管理节点相同的数据库（spring.datasource.url）、收件箱和 PIPELINE_IDENTITY_KEY。"})
public class WorkerCommand extends ApplicationCommand {

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        PartitioningProperties properties = context.getBean(PartitioningProperties.class);
        if (!properties.remote()) {
            out.println("worker 需要 --pipeline.partitioning.mode=remote（以及 broker-url）");
            return CommandLineFrame.USAGE;
        }
        DefaultMessageListenerContainer container = context.getBean("partitionWorker",
                DefaultMessageListenerContainer.class);
        container.start();
        out.println("工作节点已启动：队列 " + properties.queue() + "（" + properties.brokerUrl() + "），同时运行 "
                + properties.workerThreads() + " 个分区");
        out.flush();
        while (context.isActive()) {
            Thread.sleep(1000);
        }
        return CommandLineFrame.DONE;
    }
}
