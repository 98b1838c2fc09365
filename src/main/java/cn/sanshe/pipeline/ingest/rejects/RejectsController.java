package cn.sanshe.pipeline.ingest.rejects;

import cn.sanshe.pipeline.console.ConsoleUser;
import cn.sanshe.pipeline.console.Keyset;
import cn.sanshe.pipeline.console.RecordNotFound;
import cn.sanshe.pipeline.ingest.template.TemplateId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rejected rows in the console: the list, one row and its correction, the workbook loop. */
@Controller
class RejectsController {

    private static final String UPLOADS = "rejectUploads";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final RejectRows rows;
    private final RejectsWorkbook workbook;

    RejectsController(RejectRows rows, RejectsWorkbook workbook) {
        this.rows = rows;
        this.workbook = workbook;
    }

    @GetMapping("/rejects")
    String list(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period, @RequestParam(required = false) String template,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, @RequestParam(required = false) String last,
            @RequestParam(required = false) Integer n, Model model) {
        RejectFilter filter = new RejectFilter(unit, period, template, reason);
        model.addAttribute("filter", filter);
        model.addAttribute("result", rows.page(user.jurisdiction(), filter, Keyset.of(after, before, last, n),
                user.canSeeIds()));
        RejectRows.Choices choices = rows.choices(user.jurisdiction());
        model.addAttribute("units", choices.units());
        model.addAttribute("periods", choices.periods());
        model.addAttribute("templates", TemplateId.values());
        return "rejects/list";
    }

    @GetMapping("/rejects/{id}")
    String row(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, Model model) {
        RejectRows.Row row = rows.row(user.jurisdiction(), id, user.canSeeIds());
        model.addAttribute("row", row);
        model.addAttribute("accounting", rows.accounting(row.sheetId()));
        model.addAttribute("staged", !"open".equals(row.status()) && rows.staged(row.template(), row.sheetId(), row.rowNo()));
        return "rejects/row";
    }

    @PostMapping("/rejects/{id}")
    String correct(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, HttpServletRequest request,
            @RequestParam(required = false) String note, Model model, RedirectAttributes flash) {
        String[] cells = request.getParameterValues("cell");
        RejectRows.Correction correction = rows.correct(user, id, cells == null ? List.of() : Arrays.asList(cells), note);
        if (correction.loaded()) {
            flash.addFlashAttribute("before", correction.before());
            flash.addFlashAttribute("after", correction.after());
            return "redirect:/rejects/" + id;
        }
        RejectRows.Row row = rows.row(user.jurisdiction(), id, user.canSeeIds());
        model.addAttribute("row", row);
        model.addAttribute("accounting", rows.accounting(row.sheetId()));
        model.addAttribute("staged", false);
        model.addAttribute("correction", correction);
        return "rejects/row";
    }

    @GetMapping("/rejects/export")
    void export(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period, @RequestParam(required = false) String template,
            @RequestParam(required = false) String reason, HttpServletResponse response) throws IOException {
        RejectFilter filter = new RejectFilter(unit, period, template, reason);
        String name = "退回记录-" + LocalDateTime.now(BEIJING).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString());
        workbook.export(user, filter, response.getOutputStream());
    }

    @GetMapping("/rejects/upload")
    String uploadForm() {
        return "rejects/upload";
    }

    @PostMapping("/rejects/upload")
    String upload(@AuthenticationPrincipal ConsoleUser user, @RequestParam("file") MultipartFile file, HttpSession session,
            Model model) throws IOException {
        if (file.isEmpty()) {
            throw new IllegalArgumentException("请选择更正后的工作簿");
        }
        if (file.getSize() > RejectsWorkbook.MAX_BYTES) {
            throw new IllegalArgumentException("文件超过 " + RejectsWorkbook.MAX_BYTES / 1024 / 1024 + " MB，未读取");
        }
        Path saved = Files.createTempFile("sanshe-corrections-", ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
        }
        String token = UUID.randomUUID().toString();
        uploads(session).put(token, saved.toString());
        model.addAttribute("preview", workbook.preview(user, saved));
        model.addAttribute("token", token);
        model.addAttribute("fileName", file.getOriginalFilename());
        return "rejects/preview";
    }

    @PostMapping("/rejects/upload/{token}/apply")
    String apply(@AuthenticationPrincipal ConsoleUser user, @PathVariable String token, HttpSession session, Model model)
            throws IOException {
        String stored = uploads(session).remove(token);
        Path saved = stored == null ? null : Path.of(stored);
        if (saved == null || !Files.exists(saved)) {
            throw new RecordNotFound("upload " + token);
        }
        try {
            model.addAttribute("preview", workbook.apply(user, saved));
            model.addAttribute("applied", true);
            return "rejects/preview";
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> uploads(HttpSession session) {
        HashMap<String, String> uploads = (HashMap<String, String>) session.getAttribute(UPLOADS);
        if (uploads == null) {
            uploads = new HashMap<>();
            session.setAttribute(UPLOADS, uploads);
        }
        return uploads;
    }
}
