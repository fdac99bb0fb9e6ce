package id.amk.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every request body is decoded strictly as UTF-8 before any field sees it: overlong forms (C0 AF, a classic way to
 * smuggle '/'), lone continuation bytes, truncated sequences, encoded surrogates and bytes above F4 are 400
 * {@code malformed-utf8}. Jackson's own reader lets some of these through as replacement or odd characters, and what
 * it lets through would be stored; the JDK's decoder, set to report, refuses all of them.
 */
@ControllerAdvice
public class StrictUtf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        check(body);
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Refuses bytes that are not well-formed UTF-8 (RFC 3629): 400 malformed-utf8, naming the first bad byte's offset. */
    public static void check(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-utf8", Map.of("offset", firstBadByte(body)));
        }
    }

    private static int firstBadByte(byte[] body) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        var out = java.nio.CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
