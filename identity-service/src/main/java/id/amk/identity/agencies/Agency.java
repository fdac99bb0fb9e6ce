package id.amk.identity.agencies;

import id.amk.identity.events.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An agency whose users act as partners: a SERASI centre (Sentra, Balai, Loka), an LKS/LKSA, a health
 * facility, a UPTD PPA, a police PPA unit, a Dinas Sosial, a Bapas/LPKA.
 */
@Document("agencies")
public class Agency {

    @Id
    String agencyId;
    String name;
    String type;
    List<String> regions = new ArrayList<>();
    boolean enabled = true;
    Instant createdAt;
    @Version
    Long version;
    List<PendingEvent> outbox = new ArrayList<>();

    public record View(String agencyId, String name, String type, List<String> regions, boolean enabled, Instant createdAt) {
    }

    public View view() {
        return new View(agencyId, name, type, List.copyOf(regions), enabled, createdAt);
    }
}
