package cn.sanshe.pipeline.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page: the same as {@code users add|list|disable}, inside the admin's jurisdiction. */
@Controller
class UsersController {

    private final ConsoleUsers users;

    UsersController(ConsoleUsers users) {
        this.users = users;
    }

    @GetMapping("/users")
    String list(@AuthenticationPrincipal ConsoleUser admin, Model model) {
        model.addAttribute("accounts", users.list(admin.jurisdiction()));
        model.addAttribute("roles", Role.values());
        return "console/users";
    }

    @PostMapping("/users")
    String add(@AuthenticationPrincipal ConsoleUser admin, @RequestParam String username, @RequestParam String role,
            @RequestParam String jurisdiction, @RequestParam String password, RedirectAttributes flash) {
        Jurisdiction where = Jurisdiction.of(jurisdiction);
        if (!admin.jurisdiction().covers(where.prefix())) {
            throw new IllegalArgumentException("只能在自己的管辖范围内添加用户");
        }
        users.add(username, Role.parse(role), where, password, false);
        flash.addFlashAttribute("notice", "已添加用户 " + username);
        return "redirect:/users";
    }

    @PostMapping("/users/{username}/disable")
    String disable(@AuthenticationPrincipal ConsoleUser admin, @PathVariable String username, RedirectAttributes flash) {
        ConsoleUser target = users.find(username).filter(u -> admin.jurisdiction().covers(u.jurisdiction().prefix()))
                .orElseThrow(() -> new RecordNotFound("user " + username));
        users.disable(target.username());
        flash.addFlashAttribute("notice", "已停用用户 " + username);
        return "redirect:/users";
    }
}
