package id.amk.identity.keys;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** /api/admin/keys: ADMIN only (the security chain). Public key material is in the JWKS, never here. */
@RestController
@RequestMapping("/api/admin/keys")
class KeyAdminController {

    private final SigningKeys keys;

    KeyAdminController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    List<SigningKeys.KeyInfo> list() {
        return keys.describe();
    }

    @PostMapping("/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign with a new key from now on; tokens signed with the previous key stay valid until they expire")
    List<SigningKeys.KeyInfo> rotate() {
        keys.rotate();
        return keys.describe();
    }
}
