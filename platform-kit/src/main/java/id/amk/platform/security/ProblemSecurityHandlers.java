package id.amk.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.web.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as problem+json in the caller's language, never revealing why a token was refused. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ServletProblems problems;

    public ProblemSecurityHandlers(MessageSource messages, ObjectMapper json) {
        this.problems = new ServletProblems(messages, json);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) throws IOException {
        problems.write(request, response, status, code);
    }
}
