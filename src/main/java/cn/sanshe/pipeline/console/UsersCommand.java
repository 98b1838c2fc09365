package cn.sanshe.pipeline.console;

import cn.sanshe.pipeline.cli.ApplicationCommand;
import cn.sanshe.pipeline.cli.CommandLineFrame;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users add|list|disable}: console accounts from the command line. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "控制台用户：添加、列出、停用。",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class})
public class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "缺少子命令：add、list 或 disable");
    }

    @Command(name = "add", description = {"添加用户；密码从标准输入读取第一行（不在命令行或历史记录中出现）：",
        "  echo \"$PASSWORD\" | sanshe-pipeline users add zhang --role steward --jurisdiction 130102001 --password-stdin"})
    static class Add extends ApplicationCommand {
        @Parameters(paramLabel = "NAME", description = "用户名")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin、operator、steward 或 viewer")
        String role;

        @Option(names = "--jurisdiction", required = true, paramLabel = "CODE",
                description = "管辖范围：街道（9位）、区县（6位）、市（4位）或省（2位），也可写12位区划代码")
        String jurisdiction;

        @Option(names = "--password-stdin", required = true, description = "从标准输入读取密码")
        boolean passwordStdin;

        @Option(names = "--see-identity-numbers", description = "可查看完整身份证号（默认只见打码）")
        boolean canSeeIds;

        private Role parsedRole;
        private Jurisdiction parsedJurisdiction;

        @Override
        protected void validate() {
            try {
                parsedRole = Role.parse(role);
                parsedJurisdiction = Jurisdiction.of(jurisdiction);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            context.getBean(ConsoleUsers.class).add(name, parsedRole, parsedJurisdiction,
                    password == null ? null : password.strip(), canSeeIds);
            out.println("已添加用户 " + name + "：" + parsedRole.title() + "，管辖范围 "
                    + context.getBean(Places.class).name(parsedJurisdiction));
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "list", description = "列出用户：用户名、角色、管辖范围、状态。")
    static class ListUsers extends ApplicationCommand {
        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            var accounts = context.getBean(ConsoleUsers.class).listAll();
            for (ConsoleUsers.Account account : accounts) {
                out.printf("%-20s %-6s %-10s %-9s %s%s%n", account.username(), account.role().title(),
                        account.jurisdiction().prefix(), account.place(), account.enabled() ? "启用" : "已停用",
                        account.lockedUntil() != null && account.lockedUntil().isAfter(java.time.LocalDateTime.now())
                                ? "（登录失败过多，锁定中）" : "");
            }
            out.println("共 " + accounts.size() + " 个用户。");
            return CommandLineFrame.DONE;
        }
    }

    @Command(name = "disable", description = "停用用户：不能再登录，决定记录保留。")
    static class Disable extends ApplicationCommand {
        @Parameters(paramLabel = "NAME", description = "用户名")
        String name;

        @Override
        protected int run(ConfigurableApplicationContext context, PrintWriter out) {
            context.getBean(ConsoleUsers.class).disable(name);
            out.println("已停用用户 " + name + "。");
            return CommandLineFrame.DONE;
        }
    }
}
