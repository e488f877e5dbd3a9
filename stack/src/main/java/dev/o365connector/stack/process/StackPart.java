package dev.o365connector.stack.process;

import dev.o365connector.recipe.Service;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The processes of a stack, in the order they start; they stop in reverse. */
public enum StackPart {
  KAFKA("kafka", 9092, null),
  POSTGRES("postgres", 5433, null),
  SIMULATOR(Service.GRAPH_SIMULATOR),
  AUTH_SERVICE(Service.AUTH_SERVICE),
  GRAPH_GATEWAY(Service.GRAPH_GATEWAY),
  SYNC_WORKER(Service.SYNC_WORKER);

  private final String id;
  private final int defaultPort;
  private final Service service;

  StackPart(Service service) {
    this(service.id(), service.port(), service);
  }

  StackPart(String id, int defaultPort, Service service) {
    this.id = id;
    this.defaultPort = defaultPort;
    this.service = service;
  }

  /** The name in pid files, logs, {@code ./devstack logs <name>} and the status table. */
  public String id() {
    return id;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /**
   * The connector's process this part runs (the recipe's name for it); none for Kafka, PostgreSQL.
   */
  public Optional<Service> service() {
    return Optional.ofNullable(service);
  }

  /** Whether it is one of our Quarkus services (ready when {@code /q/health/ready} is 200). */
  public boolean isService() {
    return this == AUTH_SERVICE || this == GRAPH_GATEWAY || this == SYNC_WORKER;
  }

  /** The parts that must run before this one starts: those it calls or is configured from. */
  public Set<StackPart> requires() {
    return switch (this) {
      case KAFKA, POSTGRES, SIMULATOR -> EnumSet.noneOf(StackPart.class);
      case AUTH_SERVICE -> EnumSet.of(KAFKA, POSTGRES, SIMULATOR);
      case GRAPH_GATEWAY -> EnumSet.of(KAFKA, SIMULATOR, AUTH_SERVICE);
      case SYNC_WORKER -> EnumSet.of(KAFKA, POSTGRES, SIMULATOR, GRAPH_GATEWAY);
    };
  }

  /** {@code parts} and everything they require, transitively, in start order. */
  public static List<StackPart> withRequirements(Set<StackPart> parts) {
    Set<StackPart> all = EnumSet.noneOf(StackPart.class);
    for (StackPart part : parts) {
      all.add(part);
      all.addAll(withRequirements(part.requires()));
    }
    return List.copyOf(all);
  }

  public static StackPart byId(String id) {
    for (StackPart part : values()) {
      if (part.id.equals(id)) {
        return part;
      }
    }
    throw new IllegalArgumentException(
        "no part named "
            + id
            + "; parts: kafka, postgres, graph-simulator, auth-service,"
            + " graph-gateway, sync-worker");
  }
}
