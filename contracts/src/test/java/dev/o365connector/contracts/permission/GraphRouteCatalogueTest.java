package dev.o365connector.contracts.permission;

import static dev.o365connector.contracts.installation.InstallationType.APPLICATION;
import static dev.o365connector.contracts.installation.InstallationType.DELEGATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphRouteCatalogueTest {

  private static final String USER = "48d31887-5fad-4d73-a9f5-3c356e68a038";
  private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

  /** The mailbox routes of the brief, relative to {@code /me} or {@code /users/{userId}}. */
  private static final List<String> MAILBOX_SUFFIXES =
      List.of(
          "/mailFolders",
          "/mailFolders/delta",
          "/mailFolders/{folderId}",
          "/mailFolders/{folderId}/childFolders",
          "/mailFolders/{folderId}/messages",
          "/mailFolders/{folderId}/messages/delta",
          "/messages",
          "/messages/{messageId}",
          "/calendar",
          "/calendars",
          "/calendars/{calendarId}",
          "/calendars/{calendarId}/events",
          "/calendarGroups",
          "/calendarGroups/{groupId}/calendars",
          "/events",
          "/events/{eventId}",
          "/calendarView",
          "/calendarView/delta",
          "/drive",
          "/drive/root",
          "/drive/root/children",
          "/drive/root/delta",
          "/drive/items/{itemId}",
          "/drive/items/{itemId}/children",
          "/drive/items/{itemId}/content");

  static Stream<GraphRoute> routes() {
    return GraphRouteCatalogue.routes().stream();
  }

  @Test
  void delegatedReadsTheDirectoryAndOnlyItsOwnMailboxCalendarAndDrive() {
    Stream<String> expected =
        Stream.concat(
            Stream.of("/users", "/users/delta", "/users/{userId}", "/me"),
            MAILBOX_SUFFIXES.stream().map(suffix -> "/me" + suffix));
    assertThat(templates(DELEGATED))
        .hasSize(29)
        .containsExactlyInAnyOrderElementsOf(expected.toList());
  }

  @Test
  void applicationReadsTheDirectoryAndEveryUsersMailboxCalendarAndDrive() {
    Stream<String> expected =
        Stream.concat(
            Stream.of("/users", "/users/delta", "/users/{userId}"),
            MAILBOX_SUFFIXES.stream().map(suffix -> "/users/{userId}" + suffix));
    assertThat(templates(APPLICATION))
        .hasSize(28)
        .containsExactlyInAnyOrderElementsOf(expected.toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void everyRouteMatchesAPathBuiltFromItsTemplate(GraphRoute route) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher parameter = PARAMETER.matcher(route.template());
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      String value =
          parameter.group(1).equals("userId") ? USER : "AAMkAGI2-" + parameter.group(1) + "=";
      parameters.put(parameter.group(1), value);
      parameter.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    parameter.appendTail(path);

    GraphRouteMatch match = GraphRouteCatalogue.match(route.type(), path.toString()).orElseThrow();

    assertThat(match.route()).isEqualTo(route);
    assertThat(match.pathParameters()).isEqualTo(parameters);
    assertThat(match.route().permission())
        .isEqualTo(GraphPermissions.required(route.resource(), route.type()));
    String expectedOwner =
        route.template().equals("/me") || route.template().startsWith("/me/")
            ? "me"
            : parameters.get("userId");
    assertThat(match.owner()).isEqualTo(expectedOwner);
  }

  @ParameterizedTest
  @CsvSource({
    "DELEGATED,   /users,                                   users,    User.Read.All,  ",
    "APPLICATION, /users/delta,                             users,    User.Read.All,  ",
    "DELEGATED,   /users/adele@contoso.com,                 users,    User.Read.All,  adele@contoso.com",
    "DELEGATED,   /me,                                      users,    User.Read.All,  me",
    "DELEGATED,   /me/mailFolders/AAMk=/messages/delta,     mail,     Mail.Read,      me",
    "APPLICATION, /users/u1/mailFolders/inbox/messages,     mail,     Mail.Read,      u1",
    "DELEGATED,   /me/calendarView/delta,                   calendar, Calendars.Read, me",
    "APPLICATION, /users/u1/calendarGroups/g1/calendars,    calendar, Calendars.Read, u1",
    "DELEGATED,   /me/drive/root/delta,                     files,    Files.Read,     me",
    "APPLICATION, /users/u1/drive/items/i1/content,         files,    Files.Read.All, u1",
  })
  void aPathNeedsItsResourcesPermissionForTheInstallationType(
      InstallationType type, String path, String resource, String permission, String owner) {
    GraphRouteMatch match = GraphRouteCatalogue.match(type, path).orElseThrow();

    assertThat(match.route().resource()).isEqualTo(Resource.fromValue(resource));
    assertThat(match.route().permission()).isEqualTo(permission);
    assertThat(match.owner()).isEqualTo(owner);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/users/u1/mailFolders",
        "/users/u1/mailFolders/inbox/messages/delta",
        "/users/u1/messages/m1",
        "/users/u1/calendarView/delta",
        "/users/u1/events",
        "/users/u1/drive/root/delta",
        "/users/me/messages"
      })
  void delegatedCannotReachAnotherUsersData(String path) {
    assertThat(GraphRouteCatalogue.match(DELEGATED, path)).isEmpty();
    assertThat(GraphRouteCatalogue.match(APPLICATION, path)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/me", "/me/messages", "/me/mailFolders/delta", "/me/calendar", "/me/drive/root"})
  void applicationHasNoSignedInUserSoNothingUnderMe(String path) {
    assertThat(GraphRouteCatalogue.match(APPLICATION, path)).isEmpty();
    assertThat(GraphRouteCatalogue.match(DELEGATED, path)).isPresent();
  }

  @ParameterizedTest
  @EnumSource(InstallationType.class)
  void literalDeltaBeatsTheUserIdParameter(InstallationType type) {
    GraphRouteMatch match = GraphRouteCatalogue.match(type, "/users/delta").orElseThrow();

    assertThat(match.route().template()).isEqualTo("/users/delta");
    assertThat(match.owner()).isNull();
    assertThat(match.pathParameters()).isEmpty();
  }

  @Test
  void aLiteralSegmentIsTriedBeforeAParameterInTheSamePlace() {
    RoutePattern parameter =
        new RoutePattern(
            new GraphRoute("/me/mailFolders/{folderId}", Resource.MAIL, DELEGATED, true));
    RoutePattern literal =
        new RoutePattern(new GraphRoute("/me/mailFolders/inbox", Resource.MAIL, DELEGATED, true));

    assertThat(Stream.of(parameter, literal).sorted(RoutePattern.PRECEDENCE))
        .containsExactly(literal, parameter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"me", "/me//messages", "/me/{}", "/me/x{y}", "/me/messages/"})
  void malformedTemplatesAreRefused(String template) {
    assertThatThrownBy(
            () -> new RoutePattern(new GraphRoute(template, Resource.MAIL, DELEGATED, true)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "DELEGATED,   /users/delta(),                             /users/delta",
    "APPLICATION, /users/delta(),                             /users/delta",
    "DELEGATED,   /me/mailFolders/delta(),                    /me/mailFolders/delta",
    "DELEGATED,   /me/mailFolders/inbox/messages/delta(),     /me/mailFolders/{folderId}/messages/delta",
    "APPLICATION, /users/u1/calendarView/Delta(),             /users/{userId}/calendarView/delta",
    "APPLICATION, /users/u1/drive/root/delta(),               /users/{userId}/drive/root/delta",
  })
  void deltaMayBeCalledAsAFunction(InstallationType type, String path, String template) {
    assertThat(GraphRouteCatalogue.match(type, path))
        .hasValueSatisfying(match -> assertThat(match.route().template()).isEqualTo(template));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/me/messages()",
        "/me/drive/root/delta(token='abc')",
        "/me/drive/root/delta(",
        "/me/mailFolders/delta()/x"
      })
  void onlyAnEmptyDeltaCallIsFunctionSyntax(String path) {
    assertThat(GraphRouteCatalogue.match(DELEGATED, path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "me",
        "me/messages",
        "/",
        "/groups",
        "/sites/root",
        "/drives/d1/root/delta",
        "/me/messages/m1/attachments",
        "/me/mailFolders/inbox/messages/delta/extra",
        "/me/messages/delta",
        "/me/messages/delta()",
        "/me/events/delta",
        "/me/drive/items/delta",
        "/me/drive/items",
        "/me/mailFolders/inbox/messages/m1",
        "/me/calendarGroups/g1",
        "/v1.0/me"
      })
  void unknownLongerAndShorterPathsDoNotMatch(String path) {
    assertThat(GraphRouteCatalogue.match(DELEGATED, path)).isEmpty();
    assertThat(GraphRouteCatalogue.match(APPLICATION, path.replaceFirst("^/me", "/users/u1")))
        .isEmpty();
  }

  @Test
  void literalSegmentsIgnoreCaseAndParametersKeepIt() {
    GraphRouteMatch delegated =
        GraphRouteCatalogue.match(DELEGATED, "/ME/MailFolders/Inbox/MESSAGES/Delta").orElseThrow();
    GraphRouteMatch application =
        GraphRouteCatalogue.match(APPLICATION, "/Users/Adele@Contoso.com/DRIVE/root").orElseThrow();

    assertThat(delegated.route().template()).isEqualTo("/me/mailFolders/{folderId}/messages/delta");
    assertThat(delegated.owner()).isEqualTo("me");
    assertThat(delegated.pathParameters()).containsExactly(Map.entry("folderId", "Inbox"));
    assertThat(application.route().template()).isEqualTo("/users/{userId}/drive/root");
    assertThat(application.owner()).isEqualTo("Adele@Contoso.com");
  }

  @Test
  void lookAlikeLettersAreNotCaseVariants() {
    // "ſ" (long s) upper-cases to "S", so String.equalsIgnoreCase would let it through.
    assertThat("meſſages".equalsIgnoreCase("messages")).isTrue();
    assertThat(GraphRouteCatalogue.match(DELEGATED, "/me/meſſages")).isEmpty();
    assertThat(GraphRouteCatalogue.match(DELEGATED, "/me/drıve")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//me/messages",
        "/me//messages",
        "/me/messages//",
        "/me/mailFolders//messages",
        "/users//mailFolders",
        "/users/"
      })
  void emptySegmentsDoNotMatch(String path) {
    assertThat(GraphRouteCatalogue.match(DELEGATED, path)).isEmpty();
    assertThat(GraphRouteCatalogue.match(APPLICATION, path)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "DELEGATED,   /me/",
    "DELEGATED,   /me/messages/",
    "DELEGATED,   /users/delta/",
    "APPLICATION, /users/",
    "APPLICATION, /users/u1/drive/root/delta/",
    "APPLICATION, /users/u1/",
  })
  void aTrailingSlashIsRejected(InstallationType type, String path) {
    assertThat(GraphRouteCatalogue.match(type, path)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "DELEGATED,   /me/messages/..",
    "DELEGATED,   /me/drive/items/.",
    "DELEGATED,   /users/..",
    "APPLICATION, /users/../mailFolders",
    "APPLICATION, /users/u1/events/..",
  })
  void dotSegmentsAreNotParameterValues(InstallationType type, String path) {
    assertThat(GraphRouteCatalogue.match(type, path)).isEmpty();
  }

  @Test
  void noTwoRoutesOfATypeCanMatchTheSamePaths() {
    List<String> shapes =
        GraphRouteCatalogue.routes().stream()
            .map(
                route ->
                    route.type()
                        + " "
                        + PARAMETER
                            .matcher(route.template().toLowerCase(Locale.ROOT))
                            .replaceAll("{}"))
            .toList();

    assertThat(shapes).doesNotHaveDuplicates();
    assertThat(GraphRouteCatalogue.routes()).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void outlookLimitsApplyExactlyToMailAndCalendarRoutes(GraphRoute route) {
    assertThat(route.outlook())
        .isEqualTo(route.resource() == Resource.MAIL || route.resource() == Resource.CALENDAR);
  }

  @Test
  void routesCannotBeChangedByCallers() {
    assertThatThrownBy(() -> GraphRouteCatalogue.routes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    GraphRouteMatch match = GraphRouteCatalogue.match(APPLICATION, "/users/u1").orElseThrow();
    assertThatThrownBy(() -> match.pathParameters().put("userId", "u2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static List<String> templates(InstallationType type) {
    return GraphRouteCatalogue.routes().stream()
        .filter(route -> route.type() == type)
        .map(GraphRoute::template)
        .toList();
  }
}
