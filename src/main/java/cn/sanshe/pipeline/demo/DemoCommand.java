package cn.sanshe.pipeline.demo;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import java.io.PrintWriter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "demo", description = {"示范城市（石家庄市）全流程：没有收件箱时先生成示范报送文件，",
    "加载区划参照，再依次运行已有的各环节，最后说明结果在哪里。"})
public class DemoCommand extends ApplicationCommand {

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        DemoRun.Report report = context.getBean(DemoRun.class).run();
        report.lines().forEach(out::println);
        return exitStatus(report.succeeded());
    }
}
