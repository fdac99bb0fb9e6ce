package id.amk.identity.agencies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public record AgencyRequest(
        @Pattern(regexp = "[a-z0-9-]{2,80}") String agencyId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "SERASI_SENTRA|SERASI_BALAI|SERASI_LOKA|LKS|LKSA|PUSKESMAS|HOSPITAL|UPTD_PPA|POLICE_PPA|DINAS_SOSIAL|BAPAS|LPKA|OTHER")
        String type,
        @NotEmpty List<@Pattern(regexp = "\\d{2}(\\.\\d{2})?") String> regions) {
}
