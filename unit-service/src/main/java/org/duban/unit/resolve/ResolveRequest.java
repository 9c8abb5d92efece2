package org.duban.unit.resolve;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResolveRequest")
public record ResolveRequest(
        @NotBlank @Size(max = 4000, message = "must be at most 4000 characters")
        @Schema(example = "省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实")
        String text) {
}
