package cn.sanshe.pipeline.indicators.explain;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.RecordNotFound;
import cn.sanshe.pipeline.indicators.Explain;
import cn.sanshe.pipeline.indicators.Indicator;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every figure explains itself, in the console: an edition's figures → one figure's units with
 * numerator and denominator → the master records counted in a unit → a record's source rows and
 * the steward decisions that touched it. Only inside the user's jurisdiction (else 404). The
 * same {@link Explain} as the {@code explain} command; every figure of the PDF links here.
 */
@Controller
class ExplainController {

    private final Explain explain;

    ExplainController(Explain explain) {
        this.explain = explain;
    }

    @GetMapping("/explain/{period}/{scope}")
    String edition(@AuthenticationPrincipal ConsoleUser user, @PathVariable String period, @PathVariable String scope,
            Model model) {
        YearMonth month = checked(user, period, scope);
        String profile = explain.profileOf(scope, period);
        model.addAttribute("period", period);
        model.addAttribute("scope", scope);
        model.addAttribute("headlines", explain.headlines(scope, month, profile));
        return "explain/edition";
    }

    @GetMapping("/explain/{period}/{scope}/{indicator}")
    String figure(@AuthenticationPrincipal ConsoleUser user, @PathVariable String period, @PathVariable String scope,
            @PathVariable String indicator, @RequestParam(required = false) String variant, Model model) {
        YearMonth month = checked(user, period, scope);
        Indicator which = Explain.indicator(indicator);
        Explain.Drill drill = explain.units(scope, month, explain.profileOf(scope, period), which, variant);
        model.addAttribute("drill", drill);
        model.addAttribute("records", Explain.kind(which) != Explain.Kind.NONE);
        return "explain/figure";
    }

    @GetMapping("/explain/{period}/{scope}/{indicator}/unit/{unit}")
    String unit(@AuthenticationPrincipal ConsoleUser user, @PathVariable String period, @PathVariable String scope,
            @PathVariable String indicator, @PathVariable String unit, @RequestParam(required = false) String variant,
            @RequestParam(defaultValue = "false") boolean own, Model model) {
        YearMonth month = checked(user, period, scope);
        if (!unit.matches("\\d{12}") || !unit.startsWith(scope.substring(0, prefix(scope)))) {
            throw new RecordNotFound("unit " + unit);
        }
        Indicator which = Explain.indicator(indicator);
        String profile = explain.profileOf(scope, period);
        Explain.Drill drill = explain.units(scope, month, profile, which, variant);
        Explain.UnitFigure figure = drill.units().stream().filter(u -> u.code().equals(unit) && u.own() == own)
                .findFirst().orElseThrow(() -> new RecordNotFound("unit " + unit));
        model.addAttribute("drill", drill);
        model.addAttribute("unit", figure);
        model.addAttribute("counted", explain.records(scope, month, profile, which, drill.variant(), unit, own));
        return "explain/unit";
    }

    @GetMapping("/explain/master/{kind}/{id}")
    String master(@AuthenticationPrincipal ConsoleUser user, @PathVariable String kind, @PathVariable long id,
            Model model) {
        Explain.Kind which = switch (kind) {
            case "org" -> Explain.Kind.ORG;
            case "worker" -> Explain.Kind.WORKER;
            default -> throw new RecordNotFound(kind);
        };
        String place = explain.placeOf(which, id).filter(user.jurisdiction()::covers)
                .orElseThrow(() -> new RecordNotFound(kind + " " + id));
        model.addAttribute("kind", which);
        model.addAttribute("id", id);
        model.addAttribute("name", explain.nameOf(which, id).orElse(""));
        model.addAttribute("place", place);
        model.addAttribute("sources", explain.sources(which, id));
        model.addAttribute("decisions", explain.decisions(which, id));
        return "explain/master";
    }

    private static YearMonth checked(ConsoleUser user, String period, String scope) {
        if (scope == null || !scope.matches("\\d{12}") || !user.jurisdiction().covers(scope)) {
            throw new RecordNotFound("scope " + scope);
        }
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new RecordNotFound("period " + period);
        }
    }

    private static int prefix(String scope) {
        String trimmed = scope.replaceFirst("0+$", "");
        int length = trimmed.length();
        return length <= 2 ? 2 : length <= 4 ? 4 : length <= 6 ? 6 : length <= 9 ? 9 : 12;
    }
}
