package id.amk.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's own refusals as RFC 9457 problem+json, in English or Bahasa Indonesia (Accept-Language),
 * with the same problem types the services use ({@code urn:amk:problem:<code>}) and the correlation id.
 */
@Component
public class EdgeProblems {

    private final MessageSource messages;
    private final ObjectMapper json;

    public EdgeProblems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, Map<String, Object> properties) {
        Locale locale = exchange.getLocaleContext().getLocale() != null ? exchange.getLocaleContext().getLocale() : Locale.ENGLISH;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:amk:problem:" + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", null, null, locale));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        String correlationId = exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        properties.forEach(problem::setProperty);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
