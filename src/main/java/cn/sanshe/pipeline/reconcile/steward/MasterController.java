package cn.sanshe.pipeline.reconcile.steward;

import cn.sanshe.pipeline.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization master's page: its fields, its source rows (to unmerge), its decisions. */
@Controller
class MasterController {

    private final Masters masters;
    private final Unmerge unmerge;

    MasterController(Masters masters, Unmerge unmerge) {
        this.masters = masters;
        this.unmerge = unmerge;
    }

    @GetMapping("/masters/org/{id}")
    String master(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, Model model) {
        Masters.Master master = masters.org(user.jurisdiction(), id);
        model.addAttribute("master", master);
        model.addAttribute("fields", Masters.FIELDS);
        model.addAttribute("sources", masters.sources(id));
        model.addAttribute("history", masters.history(id));
        return "masters/org";
    }

    @PostMapping("/masters/org/{id}/unmerge")
    String unmerge(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, HttpServletRequest request,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        String[] picked = request.getParameterValues("source");
        List<Long> sources = picked == null ? List.of() : Arrays.stream(picked).map(Long::parseLong).toList();
        long created = unmerge.orgSources(user, id, sources, reason);
        flash.addFlashAttribute("notice", "已拆出 " + sources.size() + " 行，成为新的主记录 " + created + "。");
        return "redirect:/masters/org/" + id;
    }
}
