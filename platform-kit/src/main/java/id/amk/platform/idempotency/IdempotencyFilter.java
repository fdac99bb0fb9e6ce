package id.amk.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every write (POST, PUT, PATCH, DELETE) sent with an {@code Idempotency-Key} is acted on once per caller and key: the
 * same key with the same request answers the first answer again (status, body, ETag, Location) with
 * {@code Idempotent-Replayed: true}; the same key with another request is 422; while the first is still running a
 * retry waits for its answer (409 if it takes too long). Runs after authentication, so keys are per caller.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Visible ASCII, long enough to be unguessable (a UUID is 36). */
    private static final Pattern KEY = Pattern.compile("^\"?[\\x21-\\x7e&&[^\"]]{16,255}\"?$");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CACHE_CONTROL);

    private final IdempotencyKeys keys;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Duration patience;

    public IdempotencyFilter(IdempotencyKeys keys, MessageSource messages, ObjectMapper json, Duration patience) {
        this.keys = keys;
        this.messages = messages;
        this.json = json;
        this.patience = patience;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(Idempotency.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(Idempotency.HEADER).trim();
        if (!KEY.matcher(header).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "idempotency.key-invalid");
            return;
        }
        String caller = AmkCaller.current().map(c -> "user:" + c.subject()).orElse("anonymous");
        ClientKey key = ClientKey.of(caller, header.replace("\"", ""));
        byte[] body = request.getInputStream().readAllBytes();
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String fingerprint = key.fingerprint(request.getMethod(), target, request.getContentType(),
                request.getHeader(HttpHeaders.IF_MATCH), body);
        long giveUpAt = System.nanoTime() + patience.toNanos();
        while (true) {
            IdempotencyKeys.Claim claim = keys.claim(key.id(), fingerprint);
            if (claim instanceof IdempotencyKeys.Claim.Mismatch) {
                problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key-reused");
                return;
            }
            if (claim instanceof IdempotencyKeys.Claim.Answered answered) {
                replay(json.readValue(key.open(answered.sealedAnswer()), Answer.class), response);
                return;
            }
            if (claim instanceof IdempotencyKeys.Claim.Acquired acquired) {
                act(new BodyRequest(request, body), response, chain, key, acquired.retake());
                return;
            }
            if (System.nanoTime() > giveUpAt) { // busy: the first request with this key is still running
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(request, response, HttpStatus.CONFLICT, "idempotency.in-progress");
                return;
            }
            pause();
        }
    }

    private void act(HttpServletRequest request, HttpServletResponse response, FilterChain chain, ClientKey key, boolean retake)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        Idempotency.set(new Idempotency.Current(key.id(), retake));
        try {
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            keys.abandon(key.id());
            throw e;
        } finally {
            Idempotency.clear();
        }
        int status = recorded.getStatus();
        if (status >= 500 || status == 408 || status == 429) {
            keys.abandon(key.id()); // not an answer: the next retry tries again
        } else {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : KEPT_HEADERS) {
                String value = name.equals(HttpHeaders.CONTENT_TYPE) ? recorded.getContentType() : recorded.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            keys.answer(key.id(), key.seal(json.writeValueAsBytes(new Answer(status, headers, recorded.getContentAsByteArray()))));
        }
        recorded.copyBodyToResponse();
    }

    private static void replay(Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> {
            if (name.equals(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(value);
            } else {
                response.setHeader(name, value);
            }
        });
        response.setHeader(Idempotency.REPLAYED_HEADER, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) throws IOException {
        ProblemDetail problem = Problems.withCorrelationId(Problems.of(messages, request.getLocale(), status, code));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the first request with this key", e);
        }
    }

    /** The stored answer: what the first request was told. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    /** The request with its body already read (for the fingerprint), readable again by the handler. */
    private static final class BodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
