package dev.o365connector.simulator.graph;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.calendar.CalendarRoutes;
import dev.o365connector.simulator.drive.DriveRoutes;
import dev.o365connector.simulator.mail.MailRoutes;
import io.vertx.ext.web.Router;

/** Graph v1.0 under {@code /v1.0}: every resource's routes, sharing authentication. */
public final class GraphRoutes {

  private final SimulatorContext context;

  public GraphRoutes(SimulatorContext context) {
    this.context = context;
  }

  public void register(Router router) {
    GraphRequests requests = new GraphRequests(new GraphAuth(context));
    new UserRoutes(context, requests).register(router);
    new MailRoutes(context, requests).register(router);
    new DriveRoutes(context, requests).register(router);
    new CalendarRoutes(context, requests).register(router);
  }
}
