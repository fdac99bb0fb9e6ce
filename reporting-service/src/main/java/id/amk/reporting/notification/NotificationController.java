package id.amk.reporting.notification;

import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** /api/notifications: the caller's own items, newest first, read or unread; nobody reads another person's. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    record Item(String id, Notifications.Kind kind, String caseId, String caseNumber, String reportId, String referralId, String status,
                Instant at, boolean read) {
    }

    record Inbox(long unread, List<Item> items) {
    }

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Inbox mine(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int size) {
        String me = person();
        List<Item> items = notifications.of(me, unread, Math.min(Math.max(size, 1), 100)).stream().map(NotificationController::item).toList();
        return new Inbox(notifications.unread(me), items);
    }

    @GetMapping("/unread")
    Map<String, Long> unread() {
        return Map.of("unread", notifications.unread(person()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable String id) {
        if (id.length() > 200 || !notifications.markRead(person(), id)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    ResponseEntity<Void> readAll() {
        notifications.markAllRead(person());
        return ResponseEntity.noContent().build();
    }

    private static Item item(Document d) {
        return new Item(d.getString("_id"), Notifications.Kind.valueOf(d.getString("kind")), d.getString("caseId"), d.getString("caseNumber"),
                d.getString("reportId"), d.getString("referralId"), d.getString("status"), d.getDate("at").toInstant(),
                Boolean.TRUE.equals(d.getBoolean("read")));
    }

    /** People have notifications; machine clients do not. */
    private static String person() {
        AmkCaller caller = AmkCaller.current().orElseThrow();
        if (caller.isMachine()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        return caller.subject();
    }
}
