package dev.o365connector.auth.installation;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * {@code POST /installations}.
 *
 * @param tenantId required for APPLICATION: the customer's tenant GUID (Directory ID)
 * @param resources what the installation may read; absent: all of users, mail, calendar, files
 * @param returnUrl where the browser goes after consent; must match an allowed prefix
 */
public record CreateInstallationRequest(
    @NotBlank @Size(max = 256) String accountId,
    @NotNull InstallationType type,
    @Size(max = 64) String tenantId,
    Set<Resource> resources,
    @Size(max = 2048) String returnUrl) {}
