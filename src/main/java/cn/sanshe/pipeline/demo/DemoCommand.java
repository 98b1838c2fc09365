package cn.sanshe.pipeline.demo;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "demo", description = {"示范城市（石家庄市）全流程：没有收件箱时先生成示范报送文件，",
    "加载区划参照，再依次运行已有的各环节，最后说明结果在哪里。",
    "只在嵌入式数据库上运行；配置了生产数据库（spring.datasource.url）时拒绝运行，除非加 --force。"})
public class DemoCommand extends ApplicationCommand {

    @Option(names = "--force", description = "即使配置了生产数据库也运行示范（会写入示范区划、示范收件箱并发送示范邮件）")
    boolean force;

    /**
     * The demo loads demo divisions, may write a demo inbox and mails every edition: never against a
     * production database by accident. Decided before anything starts, from every place the
     * datasource can be set (the command line, a system property, the environment, jobs/*.yml).
     */
    @Override
    protected void validate() {
        Optional<String> where = productionDatabase();
        if (where.isPresent() && !force) {
            throw new ParameterException(spec.commandLine(), "已配置生产数据库（" + where.get()
                    + "），demo 会写入示范数据并发送示范邮件，因此拒绝运行；确需运行请加 --force");
        }
    }

    @Override
    protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if (url != null && !url.isBlank() && !force) {
            out.println("已配置生产数据库（spring.datasource.url），demo 拒绝运行；确需运行请加 --force");
            return 2;
        }
        DemoRun.Report report = context.getBean(DemoRun.class).run();
        report.lines().forEach(out::println);
        return exitStatus(report.succeeded());
    }

    private Optional<String> productionDatabase() {
        if (springArguments().stream().anyMatch(arg -> arg.startsWith("--spring.datasource.url="))) {
            return Optional.of("命令行 --spring.datasource.url");
        }
        if (notBlank(System.getProperty("spring.datasource.url"))) {
            return Optional.of("系统属性 spring.datasource.url");
        }
        if (notBlank(System.getenv("SPRING_DATASOURCE_URL"))) {
            return Optional.of("环境变量 SPRING_DATASOURCE_URL");
        }
        for (String file : new String[] {"jobs/pipeline.yml", "jobs/schedules.yml", "jobs/editions.yml",
            "jobs/reminders.yml"}) {
            if (datasourceUrlIn(Path.of(file))) {
                return Optional.of(file + " 中的 spring.datasource.url");
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static boolean datasourceUrlIn(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document instanceof Map<?, ?> root && root.get("spring") instanceof Map<?, ?> spring
                        && spring.get("datasource") instanceof Map<?, ?> datasource
                        && datasource.get("url") != null && notBlank(String.valueOf(datasource.get("url")))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        return false;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
