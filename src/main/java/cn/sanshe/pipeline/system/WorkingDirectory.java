package cn.sanshe.pipeline.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a command runs from matters: the operators' configuration lives in {@code jobs/}
 * (pipeline.yml, schedules.yml, editions.yml) and the relative folders (inbox, outbox, reports,
 * data) are resolved from here. Run from elsewhere, every setting would silently fall back to a
 * default and the files would go to folders nobody watches: refused instead, in one line, before
 * anything starts.
 */
public final class WorkingDirectory {

    private WorkingDirectory() {
    }

    /**
     * @param springArguments the run's {@code --key=value} settings: a configuration location named
     *                        there, or {@code --pipeline.allow-missing-jobs=true}, lets it run
     * @throws IllegalStateException when {@code dir} has no {@code jobs/} folder
     */
    public static void check(Path dir, List<String> springArguments) {
        if (Files.isDirectory(dir.resolve("jobs"))) {
            return;
        }
        boolean configured = springArguments.stream().anyMatch(arg -> arg.startsWith("--spring.config.location=")
                || arg.startsWith("--spring.config.additional-location=")
                || arg.equals("--pipeline.allow-missing-jobs=true"));
        if (!configured) {
            throw new IllegalStateException("当前目录 " + dir.toAbsolutePath().normalize()
                    + " 下没有 jobs/ 文件夹（作业、定时与发送的配置）：请在部署目录中运行，"
                    + "或用 --spring.config.additional-location=目录/ 指定配置");
        }
    }
}
