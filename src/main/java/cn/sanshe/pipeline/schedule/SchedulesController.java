package cn.sanshe.pipeline.schedule;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.OperatorAccess;
import cn.sanshe.pipeline.console.RecordNotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.SchedulerException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The schedules in the operators' console: each with its cron in words, next and last fire, last
 * outcome and misfires; pause, resume, trigger now; the nodes and which node ran what. The same
 * {@link Schedules} as {@code schedule list|pause|resume|trigger}.
 */
@Controller
class SchedulesController {

    private final Schedules schedules;

    SchedulesController(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/schedules")
    String list(@AuthenticationPrincipal ConsoleUser user, Model model) throws SchedulerException {
        OperatorAccess.requireOperator(user);
        schedules.sync();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Schedules.Row row : schedules.list()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("row", row);
            line.put("words", CronWords.of(row.cron()));
            line.put("misfires", schedules.misfires(row.name()));
            line.put("last", schedules.fires(row.name(), 1).stream().findFirst().orElse(null));
            rows.add(line);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("nodes", schedules.nodes());
        model.addAttribute("steers", OperatorAccess.steers(user));
        return "schedule/list";
    }

    @GetMapping("/schedules/{name}")
    String schedule(@AuthenticationPrincipal ConsoleUser user, @PathVariable String name, Model model)
            throws SchedulerException {
        OperatorAccess.requireOperator(user);
        Schedules.Row row = row(name);
        model.addAttribute("row", row);
        model.addAttribute("words", CronWords.of(row.cron()));
        model.addAttribute("fires", schedules.fires(name, 50));
        model.addAttribute("misfires", schedules.misfires(name));
        model.addAttribute("steers", OperatorAccess.steers(user));
        return "schedule/schedule";
    }

    @PostMapping("/schedules/{name}/pause")
    String pause(@AuthenticationPrincipal ConsoleUser user, @PathVariable String name, RedirectAttributes flash)
            throws SchedulerException {
        OperatorAccess.requireSteering(user);
        schedules.pause(row(name).name());
        flash.addFlashAttribute("notice", "已暂停计划 " + name + "：到点不再运行，直到恢复。");
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/{name}/resume")
    String resume(@AuthenticationPrincipal ConsoleUser user, @PathVariable String name, RedirectAttributes flash)
            throws SchedulerException {
        OperatorAccess.requireSteering(user);
        schedules.resume(row(name).name());
        flash.addFlashAttribute("notice", "已恢复计划 " + name + "。");
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/{name}/trigger")
    String trigger(@AuthenticationPrincipal ConsoleUser user, @PathVariable String name, RedirectAttributes flash)
            throws SchedulerException {
        OperatorAccess.requireSteering(user);
        schedules.trigger(row(name).name());
        boolean served = schedules.nodes().stream().anyMatch(Schedules.Node::alive);
        flash.addFlashAttribute("notice", served ? "已请求立即运行计划 " + name + "，由在线的调度节点执行。"
                : "已请求立即运行计划 " + name + "，但目前没有在线的调度节点：它将在 serve 启动后运行。");
        return "redirect:/schedules";
    }

    private Schedules.Row row(String name) throws SchedulerException {
        return schedules.list().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new RecordNotFound("schedule " + name));
    }
}
