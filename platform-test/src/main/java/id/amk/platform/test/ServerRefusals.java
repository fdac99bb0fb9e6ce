package id.amk.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests a web server refuses before any controller sees them (oversized headers, an overlong URI, malformed paths,
 * hosts and request lines, an unknown method, a wrong content type, a missing token), sent over a raw socket as no
 * well-behaved client would send them; {@link #failures} names each one not answered with a 4xx AMK problem+json.
 */
public final class ServerRefusals {

    private ServerRefusals() {
    }

    /** {@code write}: a path that takes a JSON body by POST; {@code token}: one that gets past authentication. */
    public static Map<String, String> requests(String write, String token) {
        String big = "a".repeat(20_000);
        String auth = "Authorization: Bearer " + token + "\r\n";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("oversized header", "GET /api/x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n");
        requests.put("overlong URI", "GET /api/x?q=" + big + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        requests.put("double slash", "GET /api//x HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n");
        requests.put("double slash inside a write", "POST " + write.replaceFirst("/([^/]+)$", "//$1") + " HTTP/1.1\r\nHost: localhost\r\n"
                + auth + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        requests.put("semicolon", "GET /api/x;jsessionid=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        requests.put("encoded slash", "GET /api/a%2fb HTTP/1.1\r\nHost: localhost\r\n\r\n");
        requests.put("broken percent-encoding", "GET /api/% HTTP/1.1\r\nHost: localhost\r\n\r\n");
        requests.put("invalid Host", "GET /api/x HTTP/1.1\r\nHost: a b\r\n" + auth + "\r\n");
        requests.put("request line without a version", "GET\r\n\r\n");
        requests.put("unknown method", "BREW " + write + " HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n");
        requests.put("wrong content type", "POST " + write + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "Content-Type: text/html\r\nContent-Length: 4\r\n\r\n<p/>");
        requests.put("unreadable body", "POST " + write + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: 3\r\n\r\n{x:");
        requests.put("control character in a header", "GET /api/x HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0001b\r\n\r\n");
        requests.put("two different Content-Lengths", "POST " + write + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        requests.put("Content-Length that is not a number", "POST " + write + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "Content-Type: application/json\r\nContent-Length: two\r\n\r\n{}");
        requests.put("broken chunked body", "POST " + write + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        requests.put("header without a name", "GET /api/x HTTP/1.1\r\nHost: localhost\r\n: nameless\r\n\r\n");
        requests.put("500 headers", "GET /api/x HTTP/1.1\r\nHost: localhost\r\n" + "X-N: 1\r\n".repeat(500) + "\r\n");
        requests.put("no token", "GET " + write + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n");
        return requests;
    }

    /** Each request that was not answered with a 4xx whose body is an AMK problem+json. */
    public static List<String> failures(int port, Map<String, String> requests) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String answer = send(port, request.getValue());
            int end = answer.indexOf("\r\n\r\n");
            String head = end >= 0 ? answer.substring(0, end) : answer;
            String status = head.isEmpty() ? "no answer" : head.lines().findFirst().orElse("");
            boolean problem = head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json")
                    && answer.contains("\"type\":\"urn:amk:problem:");
            if (!status.matches("HTTP/1\\.1 4\\d\\d.*") || !problem) {
                failures.add(request.getKey() + " -> " + status + (problem ? "" : " without an AMK problem+json body"));
            }
        }
        return failures;
    }

    /** The head has arrived and, when it names a Content-Length, that many bytes of body after it. */
    private static boolean complete(ByteArrayOutputStream answer) {
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, end));
        return length.find() && text.length() - end - 4 >= Integer.parseInt(length.group(1));
    }

    /** Sends the bytes as they are (with Connection: close, so the server ends the answer by closing) and returns what came back. */
    public static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String closing = request.contains("\r\n") && !request.startsWith("GET\r\n")
                    ? request.replaceFirst("\r\n", "\r\nConnection: close\r\n") : request;
            socket.getOutputStream().write(closing.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0 && !complete(answer); ) {
                    answer.write(buffer, 0, n);
                    if (complete(answer)) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | SocketException closed) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
