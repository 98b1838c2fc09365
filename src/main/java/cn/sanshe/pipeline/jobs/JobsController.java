package cn.sanshe.pipeline.jobs;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.OperatorAccess;
import cn.sanshe.pipeline.console.RecordNotFound;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The runs in the operators' console: the list, one execution (live while it runs), and restart,
 * stop and recover, each after a page that says what will run again. Thin over {@link Runs}.
 */
@Controller
class JobsController {

    private final Runs runs;

    JobsController(Runs runs) {
        this.runs = runs;
    }

    @GetMapping("/runs")
    String list(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String job,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        OperatorAccess.requireOperator(user);
        Runs.Filter filter = new Runs.Filter(job, status, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("jobs", runs.jobNames());
        model.addAttribute("statuses", new String[] {"COMPLETED", "FAILED", "STARTED", "STOPPED", "STOPPING", "ABANDONED"});
        model.addAttribute("runs", runs.list(filter, 200));
        return "jobs/list";
    }

    @GetMapping("/runs/{id}")
    String run(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, Model model) {
        OperatorAccess.requireOperator(user);
        model.addAttribute("run", detail(id));
        model.addAttribute("steers", OperatorAccess.steers(user));
        return "jobs/run";
    }

    /** The steps table alone: the page asks for it every two seconds while the run goes on. */
    @GetMapping("/runs/{id}/progress")
    String progress(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, Model model) {
        OperatorAccess.requireOperator(user);
        model.addAttribute("run", detail(id));
        return "jobs/run :: progress";
    }

    @GetMapping("/runs/{id}/confirm")
    String confirm(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, @RequestParam String action,
            Model model) {
        OperatorAccess.requireSteering(user);
        detail(id);
        model.addAttribute("preview", switch (action) {
            case "restart" -> runs.previewRestart(id);
            case "stop" -> runs.previewStop(id);
            case "recover" -> runs.previewRecover(id);
            default -> throw new IllegalArgumentException("未知操作：" + action);
        });
        return "jobs/confirm";
    }

    @PostMapping("/runs/{id}/restart")
    String restart(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean force, RedirectAttributes flash) throws Exception {
        OperatorAccess.requireSteering(user);
        detail(id);
        long next = runs.restart(id, force);
        flash.addFlashAttribute("notice", next == id ? "已请求重启执行 " + id + "，新的执行稍后出现在列表中。"
                : "执行 " + id + " 已重启为执行 " + next + "。");
        return "redirect:/runs/" + next;
    }

    @PostMapping("/runs/{id}/stop")
    String stop(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, RedirectAttributes flash)
            throws Exception {
        OperatorAccess.requireSteering(user);
        detail(id);
        flash.addFlashAttribute("notice", runs.stop(id) ? "已请求停止执行 " + id + "；当前数据块提交后停止。"
                : "停止请求未被接受。");
        return "redirect:/runs/" + id;
    }

    @PostMapping("/runs/{id}/recover")
    String recover(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmedStopped, RedirectAttributes flash) {
        OperatorAccess.requireSteering(user);
        detail(id);
        runs.recover(id, confirmedStopped);
        flash.addFlashAttribute("notice", "执行 " + id + " 已标记为失败，可以重启。");
        return "redirect:/runs/" + id;
    }

    private Runs.Detail detail(long id) {
        try {
            return runs.detail(id);
        } catch (IllegalArgumentException | cn.sanshe.pipeline.cli.UsageException e) {
            throw new RecordNotFound("execution " + id);
        }
    }
}
