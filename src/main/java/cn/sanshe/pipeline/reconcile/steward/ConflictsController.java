package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cross-source conflicts in the console: the queue, the evidence, the choice. */
@Controller
class ConflictsController {

    private final Conflicts conflicts;
    private final cn.sanshe.pipeline.console.Places places;

    ConflictsController(Conflicts conflicts, cn.sanshe.pipeline.console.Places places) {
        this.conflicts = conflicts;
        this.places = places;
    }

    @GetMapping("/conflicts")
    String queue(@AuthenticationPrincipal ConsoleUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("conflicts", conflicts.page(user.jurisdiction(), page));
        model.addAttribute("open", conflicts.open(user.jurisdiction()));
        model.addAttribute("page", page);
        return "conflicts/queue";
    }

    @GetMapping("/conflicts/{id}")
    String conflict(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, Model model) {
        Conflicts.Conflict conflict = conflicts.conflict(user.jurisdiction(), id);
        model.addAttribute("conflict", conflict);
        model.addAttribute("evidence", conflicts.evidence(conflict));
        model.addAttribute("decides", user.decides() && user.jurisdiction().covers(conflict.scope()));
        model.addAttribute("readOnly", !user.jurisdiction().covers(conflict.scope()));
        return "conflicts/conflict";
    }

    @PostMapping("/conflicts/{id}/resolve")
    String resolve(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id,
            @RequestParam(required = false) String choice, @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Conflicts.Outcome outcome = conflicts.resolve(user, id, choice, reason);
        flash.addFlashAttribute("notice", outcome == Conflicts.Outcome.ALREADY ? "这个决定之前已做过，没有变化。"
                : "冲突 " + id + " 已处理：选择“" + places.withNames(choice) + "”。");
        return "redirect:/conflicts";
    }
}
