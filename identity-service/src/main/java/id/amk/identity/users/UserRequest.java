package id.amk.identity.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What an admin states about a user. Regions are Kemendagri codes: a worker's regency ({@code 32.73}), a
 * supervisor's province ({@code 32}); analysts and admins need none; partners belong to an agency. E-mail and phone
 * are work contacts: the agency a case is referred to reaches the worker through them, notices go to the e-mail.
 */
public record UserRequest(
        @Pattern(regexp = "[a-z0-9._-]{3,50}") String username,
        @Size(max = 200) String displayName,
        @NotEmpty List<@Pattern(regexp = "PEKSOS|SUPERVISOR|MINISTRY_ANALYST|ADMIN|PARTNER") String> roles,
        List<@Pattern(regexp = "\\d{2}(\\.\\d{2})?") String> regions,
        @Pattern(regexp = "[a-z0-9-]{2,80}") String agency,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,20}") String phone) {

    public UserRequest {
        regions = regions == null ? List.of() : regions;
    }

    public UserRequest(String username, String displayName, List<String> roles, List<String> regions, String agency) {
        this(username, displayName, roles, regions, agency, null, null);
    }
}
