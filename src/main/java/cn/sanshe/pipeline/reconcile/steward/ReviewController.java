package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.Keyset;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Doubtful duplicates in the console: the queue, a pair side by side, the decisions. */
@Controller
class ReviewController {

    private final Reviews reviews;
    private final Masters masters;

    ReviewController(Reviews reviews, Masters masters) {
        this.reviews = reviews;
        this.masters = masters;
    }

    @GetMapping("/reviews")
    String queue(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, @RequestParam(required = false) String last,
            @RequestParam(required = false) Integer n, Model model) {
        Keyset.Slice<Reviews.Line> slice = reviews.page(user.jurisdiction(), Keyset.of(after, before, last, n));
        model.addAttribute("slice", slice);
        model.addAttribute("lines", slice.lines());
        model.addAttribute("progress", reviews.progress(user.jurisdiction()));
        model.addAttribute("open", reviews.open(user.jurisdiction()));
        return "reviews/queue";
    }

    @GetMapping("/reviews/{id}")
    String pair(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, Model model) {
        Reviews.Pair pair = reviews.pair(user.jurisdiction(), id);
        Masters.Master a = masters.orgOfPair(pair, true);
        Masters.Master b = masters.orgOfPair(pair, false);
        model.addAttribute("pair", pair);
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        model.addAttribute("sides", java.util.List.of(
                java.util.Map.of("label", "A", "sources", masters.sources(pair.masterA())),
                java.util.Map.of("label", "B", "sources", masters.sources(pair.masterB()))));
        model.addAttribute("why", masters.why(pair, a, b));
        model.addAttribute("fields", Masters.FIELDS);
        model.addAttribute("decides", user.decides() && user.jurisdiction().covers(pair.scope()));
        model.addAttribute("merged", user.decides() && user.jurisdiction().covers(pair.scope())
                ? reviews.previewMerge(pair) : java.util.Map.of());
        return "reviews/pair";
    }

    @PostMapping("/reviews/{id}/{decision}")
    String decide(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, @PathVariable String decision,
            @RequestParam(required = false) String fingerprint, @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        Reviews.Decision what = switch (decision) {
            case "merge" -> Reviews.Decision.MERGE;
            case "apart" -> Reviews.Decision.APART;
            case "unsure" -> Reviews.Decision.UNSURE;
            default -> throw new IllegalArgumentException("没有这种决定：" + decision);
        };
        Reviews.Outcome outcome = reviews.decide(user, id, what, fingerprint, reason);
        flash.addFlashAttribute("notice", outcome == Reviews.Outcome.ALREADY ? "这个决定之前已做过，没有变化。"
                : switch (what) {
                    case MERGE -> "已合并疑似重复 " + id + "。";
                    case APART -> "已确认疑似重复 " + id + " 不是同一组织。";
                    case UNSURE -> "已标记疑似重复 " + id + " 为暂不确定，仍在待处理队列中。";
                });
        return what == Reviews.Decision.UNSURE ? "redirect:/reviews/" + id : "redirect:/reviews";
    }
}
