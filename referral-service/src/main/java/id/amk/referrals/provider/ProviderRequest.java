package id.amk.referrals.provider;

import id.amk.referrals.referral.api.Component;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** A directory entry as an admin states it: through the API one at a time, or many in an import file. */
record ProviderRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String id, @NotBlank @Size(max = 200) String name,
                       @NotNull ProviderType type, @NotBlank @Size(max = 100) String agencyId,
                       @NotEmpty List<@Pattern(regexp = "\\d{2}(\\.\\d{2}){0,2}") String> regions,
                       @NotEmpty Set<@NotNull Component> components, @Min(0) int capacity, Boolean active, Long version,
                       @Size(max = 300) String address, @Pattern(regexp = "\\+?[0-9 ()-]{6,20}") String phone) {
}
