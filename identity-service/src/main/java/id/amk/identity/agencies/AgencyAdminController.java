package id.amk.identity.agencies;

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

/** /api/agencies: ADMIN only (the security chain). */
@RestController
@RequestMapping("/api/agencies")
class AgencyAdminController {

    private final AgencyService agencies;

    AgencyAdminController(AgencyService agencies) {
        this.agencies = agencies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Agency.View register(@Valid @RequestBody AgencyRequest request) {
        return agencies.register(request);
    }

    @GetMapping
    List<Agency.View> list() {
        return agencies.list();
    }

    @PutMapping("/{agencyId}")
    Agency.View change(@PathVariable String agencyId, @Valid @RequestBody AgencyRequest request) {
        return agencies.change(agencyId, request);
    }

    @PostMapping("/{agencyId}/disable")
    Agency.View disable(@PathVariable String agencyId) {
        return agencies.setEnabled(agencyId, false);
    }

    @PostMapping("/{agencyId}/enable")
    Agency.View enable(@PathVariable String agencyId) {
        return agencies.setEnabled(agencyId, true);
    }
}
