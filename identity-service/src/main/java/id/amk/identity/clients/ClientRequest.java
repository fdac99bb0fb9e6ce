package id.amk.identity.clients;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public record ClientRequest(
        @Pattern(regexp = "[a-z0-9-]{3,80}") String clientId,
        @NotNull OAuthClient.Kind kind,
        @Size(max = 200) String description,
        List<@Pattern(regexp = "[a-z]+\\.[a-z]+") String> scopes,
        List<@Pattern(regexp = "https?://[^\\s]{1,500}") String> redirectUris) {

    public ClientRequest {
        scopes = scopes == null ? List.of() : scopes;
        redirectUris = redirectUris == null ? List.of() : redirectUris;
    }
}
