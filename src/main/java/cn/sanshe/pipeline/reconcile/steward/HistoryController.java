package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The history of every decision in the jurisdiction. */
@Controller
class HistoryController {

    private final DecisionHistory history;

    HistoryController(DecisionHistory history) {
        this.history = history;
    }

    @GetMapping("/history")
    String history(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String action,
            @RequestParam(required = false) String who, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("decisions", history.page(user.jurisdiction(), action, who, from, to, page));
        model.addAttribute("action", action);
        model.addAttribute("who", who);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", page);
        return "history/list";
    }
}
