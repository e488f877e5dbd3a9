package dev.o365connector.simulator;

import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import java.util.List;

/** What {@code java -jar} starts with: a small tenant, the connector app, the platform tenant. */
final class DemoTenant {

  static final SeedSpec SPEC = new SeedSpec("contoso", 10, 1, 1, 25, 2, 10, 10);

  private DemoTenant() {}

  static void seed(Seeder seeder) {
    seeder.seedTenant(SPEC);
    seeder.registerApp(
        "o365-connector (demo)",
        List.of(Seeder.DEMO_REDIRECT_URI),
        Seeder.CONNECTOR_APP_PERMISSIONS);
    seeder.seedPlatformTenant();
  }
}
