package dev.o365connector.simulator.bench;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Benchmark (not a test): how fast the simulator serves message delta pages of 1,000 items to one
 * HTTP client over keep-alive. Run by {@code bench/simulator-delta.sh}; prints one CSV line per
 * measured round and a summary.
 *
 * <p>Arguments: messages (default 100000), warm-up rounds (3), measured rounds (5).
 */
public final class DeltaThroughput {

  private DeltaThroughput() {}

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    try (GraphSimulator sim =
        new GraphSimulator(SimulatorConfig.defaults().withoutDemoTenant()).start()) {
      long seedStart = System.nanoTime();
      Tenant tenant =
          new Seeder(sim.context().directory())
              .seedTenant(new SeedSpec("bench", 1, 0, 0, messages, 0, 0, 0));
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      User user = sim.context().directory().locked(() -> tenant.users().live().get(0));
      String folderId =
          sim.context()
              .directory()
              .locked(
                  () -> tenant.mailbox(user.id()).orElseThrow().folder("inbox").orElseThrow().id());
      int inInbox =
          sim.context()
              .directory()
              .locked(
                  () ->
                      tenant
                          .mailbox(user.id())
                          .orElseThrow()
                          .messages(folderId)
                          .orElseThrow()
                          .size());
      String token = TestTokens.app(sim.context(), tenant.id(), "Mail.Read");
      String start =
          sim.graphBaseUrl()
              + "/users/"
              + user.id()
              + "/mailFolders/"
              + folderId
              + "/messages/delta";
      HttpClient client = HttpClient.newHttpClient();
      System.out.printf(
          "seeded %d messages (%d in the inbox) in %.2f s%n", messages, inInbox, seedSeconds);
      System.out.println("round,items,pages,seconds,items_per_second");
      double best = 0;
      double total = 0;
      for (int round = 1; round <= warmups + rounds; round++) {
        long t0 = System.nanoTime();
        int[] counted = fullRound(client, token, start);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = counted[0] / seconds;
        if (round > warmups) {
          System.out.printf(
              "%d,%d,%d,%.3f,%.0f%n", round - warmups, counted[0], counted[1], seconds, rate);
          best = Math.max(best, rate);
          total += rate;
        }
      }
      System.out.printf(
          "mean %.0f items/s, best %.0f items/s over %d rounds%n", total / rounds, best, rounds);
    }
  }

  /** Items and pages of one initial round, following nextLinks with 1,000-item pages. */
  private static int[] fullRound(HttpClient client, String token, String start) throws Exception {
    int items = 0;
    int pages = 0;
    String url = start;
    while (url != null) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .header("Prefer", "IdType=\"ImmutableId\", odata.maxpagesize=1000")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
      }
      JsonObject page = new JsonObject(response.body());
      items += page.getJsonArray("value").size();
      pages++;
      url = page.getString("@odata.nextLink");
    }
    return new int[] {items, pages};
  }
}
