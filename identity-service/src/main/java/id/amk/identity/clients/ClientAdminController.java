package id.amk.identity.clients;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** /api/clients: ADMIN only (the security chain). */
@RestController
@RequestMapping("/api/clients")
class ClientAdminController {

    private final ClientService clients;

    ClientAdminController(ClientService clients) {
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a client; its secret is in this answer only")
    ClientService.Registered register(@Valid @RequestBody ClientRequest request) {
        return clients.register(request);
    }

    @GetMapping
    List<OAuthClient.View> list() {
        return clients.list();
    }

    @PutMapping("/{clientId}")
    OAuthClient.View change(@PathVariable String clientId, @Valid @RequestBody ClientRequest request) {
        return clients.change(clientId, request);
    }

    @PostMapping("/{clientId}/disable")
    OAuthClient.View disable(@PathVariable String clientId) {
        return clients.setEnabled(clientId, false);
    }

    @PostMapping("/{clientId}/enable")
    OAuthClient.View enable(@PathVariable String clientId) {
        return clients.setEnabled(clientId, true);
    }
}
