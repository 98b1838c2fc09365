package cn.sanshe.pipeline.ingest.submissions;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.RecordNotFound;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The submissions grid of the user's jurisdiction, and a cell's files with their accounting. */
@Controller
class SubmissionsController {

    private final Submissions submissions;

    SubmissionsController(Submissions submissions) {
        this.submissions = submissions;
    }

    @GetMapping("/submissions")
    String grid(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "3") int months, Model model) {
        YearMonth last = month == null || month.isBlank() ? YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1)
                : parse(month);
        model.addAttribute("grid", submissions.grid(user.jurisdiction(), last, months));
        model.addAttribute("month", last);
        return "submissions/grid";
    }

    @GetMapping("/submissions/{unit}/{month}/{template}")
    String cell(@AuthenticationPrincipal ConsoleUser user, @PathVariable String unit, @PathVariable String month,
            @PathVariable String template, Model model) {
        YearMonth period = parse(month);
        model.addAttribute("sheets", submissions.cell(user.jurisdiction(), unit, period, template));
        model.addAttribute("reminders", submissions.reminders(user.jurisdiction(), unit, period, template));
        model.addAttribute("unit", unit);
        model.addAttribute("month", period);
        model.addAttribute("template", template);
        model.addAttribute("due", submissions.due(period));
        return "submissions/cell";
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new RecordNotFound("month " + month);
        }
    }
}
