package cn.sanshe.pipeline.reports;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.OperatorAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rendered dashboards in the console: by period and scope inside the user's jurisdiction,
 * the PDF and kpis downloads, who has been sent what, and resending an uncertain mail after a
 * confirmation (operators and admins whose jurisdiction covers the edition).
 */
@Controller
class ReportsController {

    private final Editions editions;

    ReportsController(Editions editions) {
        this.editions = editions;
    }

    @GetMapping("/reports")
    String list(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String period,
            @RequestParam(required = false) String scope, Model model) {
        model.addAttribute("editions", editions.list(user.jurisdiction(), period, scope));
        model.addAttribute("period", period);
        model.addAttribute("scope", scope);
        return "reports/list";
    }

    @GetMapping("/reports/{period}/{scope}")
    String edition(@AuthenticationPrincipal ConsoleUser user, @PathVariable String period, @PathVariable String scope,
            Model model) {
        model.addAttribute("edition", editions.one(user.jurisdiction(), period, scope));
        model.addAttribute("resends", OperatorAccess.operates(user));
        return "reports/edition";
    }

    @GetMapping("/reports/{period}/{scope}/{kind:pdf|kpis\\.json|kpis\\.csv}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal ConsoleUser user, @PathVariable String period,
            @PathVariable String scope, @PathVariable String kind) {
        Path file = editions.file(user.jurisdiction(), period, scope, kind);
        MediaType type = switch (kind) {
            case "pdf" -> MediaType.APPLICATION_PDF;
            case "kpis.json" -> MediaType.APPLICATION_JSON;
            default -> new MediaType("text", "csv", StandardCharsets.UTF_8);
        };
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName().toString(), StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file));
    }

    @GetMapping("/reports/{period}/{scope}/resend")
    String confirmResend(@AuthenticationPrincipal ConsoleUser user, @PathVariable String period,
            @PathVariable String scope, @RequestParam String edition, @RequestParam String recipient, Model model) {
        OperatorAccess.requireOperator(user);
        Editions.Rendered rendered = editions.one(user.jurisdiction(), period, scope);
        Editions.Sent sent = rendered.recipients().stream()
                .filter(s -> s.edition().equals(edition) && s.address().equals(recipient)).findFirst()
                .orElseThrow(() -> new cn.sanshe.pipeline.console.RecordNotFound("recipient"));
        model.addAttribute("edition", rendered);
        model.addAttribute("sent", sent);
        return "reports/resend";
    }

    @PostMapping("/reports/{period}/{scope}/resend")
    String resend(@AuthenticationPrincipal ConsoleUser user, @PathVariable String period, @PathVariable String scope,
            @RequestParam String edition, @RequestParam String recipient, RedirectAttributes flash) {
        OperatorAccess.requireOperator(user);
        boolean released = editions.resendUncertain(user.jurisdiction(), period, scope, edition, recipient);
        flash.addFlashAttribute("notice", released ? "已确认未收到，正在重新发送给 " + recipient + "（其他已发送的不会重发）。"
                : "这封邮件现在不是“不确定”状态，没有重发。");
        return "redirect:/reports/" + period + "/" + scope;
    }
}
