package dev.o365connector.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  @Test
  void markdownTableHasOneRowPerTemplateWithBothTypesPermissions() {
    String table = RouteTable.markdown();
    List<String> lines = table.lines().toList();

    assertThat(table).isEqualTo(RouteTable.markdown()).endsWith(" |\n");
    assertThat(lines.subList(0, 2))
        .containsExactly(
            "| route template | resource | DELEGATED permission | APPLICATION permission"
                + " | per-mailbox limit |",
            "|---|---|---|---|---|");
    assertThat(lines.subList(2, lines.size()))
        .hasSize(54)
        .allSatisfy(line -> assertThat(line.split(" \\| ", -1)).hasSize(5))
        .contains(
            "| `/users/delta` | users | User.Read.All | User.Read.All | — |",
            "| `/me` | users | User.Read.All | — | — |",
            "| `/me/mailFolders/{folderId}/messages/delta` | mail | Mail.Read | — | 4 concurrent |",
            "| `/users/{userId}/calendarView/delta` | calendar | — | Calendars.Read | 4 concurrent |",
            "| `/me/drive/root/delta` | files | Files.Read | — | — |",
            "| `/users/{userId}/drive/root/delta` | files | — | Files.Read.All | — |");
    assertThat(lines.get(2)).isEqualTo("| `/users` | users | User.Read.All | User.Read.All | — |");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            "| `/users/{userId}/drive/items/{itemId}/content` | files | — | Files.Read.All | — |");
  }
}
