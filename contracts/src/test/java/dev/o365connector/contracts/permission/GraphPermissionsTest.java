package dev.o365connector.contracts.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPermissionsTest {

  @Test
  void filesNeedsFilesReadAllForApplicationsBecauseFilesReadIsDelegatedOnly() {
    assertThat(GraphPermissions.required(Resource.FILES, InstallationType.DELEGATED))
        .isEqualTo("Files.Read");
    assertThat(GraphPermissions.required(Resource.FILES, InstallationType.APPLICATION))
        .isEqualTo("Files.Read.All");
  }

  @Test
  void everyResourceMapsToItsDesignPermission() {
    assertThat(
            GraphPermissions.required(
                List.of(Resource.FILES, Resource.USERS, Resource.MAIL, Resource.CALENDAR),
                InstallationType.APPLICATION))
        .containsExactly("User.Read.All", "Mail.Read", "Calendars.Read", "Files.Read.All");
  }

  @Test
  void readableResourcesFollowFromGrantedPermissions() {
    assertThat(
            GraphPermissions.readable(
                List.of("Mail.Read", "Files.Read", "openid"), InstallationType.DELEGATED))
        .containsExactly(Resource.MAIL, Resource.FILES);
    assertThat(GraphPermissions.readable(List.of("Files.Read"), InstallationType.APPLICATION))
        .isEmpty();
  }
}
