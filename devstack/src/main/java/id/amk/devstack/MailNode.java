package id.amk.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The embedded platform's mail server: GreenMail's SMTP server, accepting every message for every address, and a
 * mailbox to read them in a browser ({@code /}, newest first) or as JSON ({@code /api/messages}, for the browser tests).
 * A development stand-in, in memory: what it received is gone after {@code amk down} (docker-compose runs Mailpit, and
 * production a real relay).
 *
 * <p>Usage: {@code MailNode <smtp-port> <mailbox-port>}</p>
 */
public final class MailNode {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException, InterruptedException {
        int smtpPort = Integer.parseInt(args[0]);
        int mailboxPort = Integer.parseInt(args[1]);
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        HttpServer mailbox = HttpServer.create(new InetSocketAddress("127.0.0.1", mailboxPort), 0);
        mailbox.createContext("/api/messages", exchange -> answer(exchange, "application/json", JSON.writeValueAsString(messages(mail))));
        mailbox.createContext("/", exchange -> answer(exchange, "text/html; charset=utf-8", html(messages(mail))));
        mailbox.start();
        System.out.println("mail: SMTP on 127.0.0.1:" + smtpPort + ", mailbox on http://127.0.0.1:" + mailboxPort + "/");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mail: shutting down");
            mailbox.stop(0);
            mail.stop();
            stopped.countDown();
        }, "mail-shutdown"));
        stopped.await();
    }

    record Message(String to, String from, String subject, String sent, String messageId, String body) {
    }

    private static List<Message> messages(GreenMail mail) {
        List<Message> all = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                all.add(new Message(addresses(m.getAllRecipients()), addresses(m.getFrom()), m.getSubject(),
                        m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString(), m.getMessageID(), GreenMailUtil.getBody(m)));
            } catch (MessagingException e) {
                all.add(new Message("", "", "(unreadable: " + e.getMessage() + ")", "", "", ""));
            }
        }
        Collections.reverse(all);
        return all;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String html(List<Message> messages) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>AMK dev mailbox</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}"
                + "article{border:1px solid #ccc;border-radius:.5rem;padding:.5rem 1rem;margin:.75rem 0}pre{white-space:pre-wrap}</style>"
                + "</head><body><h1>AMK dev mailbox</h1><p>Every message the platform sent, newest first (in memory only).</p>");
        if (messages.isEmpty()) {
            page.append("<p>No messages yet.</p>");
        }
        for (Message m : messages) {
            page.append("<article><h2>").append(escape(m.subject())).append("</h2><p>To: ").append(escape(m.to()))
                    .append("<br>From: ").append(escape(m.from())).append("<br>Sent: ").append(escape(m.sent()))
                    .append("</p><pre>").append(escape(m.body())).append("</pre></article>");
        }
        return page.append("</body></html>").toString();
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String s) {
        return (s == null ? "" : s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private MailNode() {
    }
}
