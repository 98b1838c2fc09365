package cn.sanshe.pipeline.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page: what waits for the user in their jurisdiction. */
@Controller
class HomeController {

    private final List<ConsoleQueue> queues;

    HomeController(List<ConsoleQueue> queues) {
        this.queues = queues.stream().sorted(Comparator.comparingInt(ConsoleQueue::order)).toList();
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("queues", queues.stream()
                .map(queue -> Map.of("titleKey", queue.titleKey(), "path", queue.path(),
                        "open", queue.open(user.jurisdiction())))
                .toList());
        return "console/home";
    }
}
