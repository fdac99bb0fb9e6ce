package id.amk.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The container's error dispatch ({@code /error}: a filter's sendError, a rejected request, an exception outside Spring
 * MVC) answers problem+json like everything else, in place of Spring Boot's JSON error page.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final ServletProblems problems;

    public ProblemErrorController(ServletProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus resolved = HttpStatus.resolve(status instanceof Integer code ? code : 404);
        if (resolved == null || resolved.value() < 400) {
            resolved = HttpStatus.NOT_FOUND; // /error asked for directly
        }
        problems.write(request, response, resolved, ServletProblems.codeFor(resolved.value()));
    }
}
