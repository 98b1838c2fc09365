package cn.sanshe.pipeline.console;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** What a page answers when the service refuses: one Chinese sentence, never a stack trace. */
@ControllerAdvice
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(RecordNotFound.class)
    String notFound(RecordNotFound e, Model model, HttpServletResponse response) {
        return error(HttpStatus.NOT_FOUND, "没有找到这条记录，或它不在您的管辖范围内。", model, response);
    }

    @ExceptionHandler(DecisionRefused.class)
    String refused(DecisionRefused e, Model model, HttpServletResponse response) {
        return error(HttpStatus.CONFLICT, e.getMessage(), model, response);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    String badRequest(IllegalArgumentException e, Model model, HttpServletResponse response) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件太大。", model, response);
    }

    @ExceptionHandler(IllegalStateException.class)
    String state(IllegalStateException e, Model model, HttpServletResponse response) {
        log.warn("console request refused: {}", e.getMessage());
        return error(HttpStatus.CONFLICT, e.getMessage(), model, response);
    }

    private static String error(HttpStatus status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", message);
        return "console/error";
    }
}
