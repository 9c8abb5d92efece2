package org.duban.unit.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** What the office sends to create or change a unit. */
@Schema(name = "UnitRequest")
public record UnitRequest(
        @Schema(description = "Stable code; required on create, must match the path on update", example = "ah-fgw")
        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be 2-40 lower-case letters, digits or '-', starting with a letter")
        String code,
        @NotBlank @Size(max = 200) @Schema(example = "安徽省发展和改革委员会") String name,
        @Size(max = 100) @Schema(example = "省发展改革委") String shortName,
        @Schema(example = "[\"省发改委\"]") List<@NotBlank @Size(max = 200) String> aliases,
        @NotNull UnitLevel level,
        @NotNull UnitType type,
        @Schema(example = "gov-340000") String parentCode,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String divisionCode,
        Map<@Pattern(regexp = "[a-z][a-z0-9_-]{0,39}", message = "system names are lower-case words") String,
                @NotBlank @Size(max = 100) String> externalIds,
        @Valid ContactsRequest contacts) {

    public record ContactsRequest(
            @Email(message = "must be an e-mail address") @Size(max = 254) String email,
            @Pattern(regexp = "[0-9+()\\- ]{3,40}", message = "must be a phone number") String phone,
            @Pattern(regexp = "https?://[^\\s]{1,1990}", message = "must be an http(s) URL") String webhookUrl) {
    }
}
