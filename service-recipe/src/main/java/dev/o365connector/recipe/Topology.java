package dev.o365connector.recipe;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One stack as its services see it: where Kafka, each service and each database are, the platform's
 * identity provider and its clients' secrets, the app registration auth-service signs in with, and
 * the credentials the stack runs with. Built piece by piece; {@link ServiceRecipe} asks only for
 * the pieces the service it starts needs, and names a missing one.
 *
 * @param addresses where each service listens, as the others reach it; a service without one is
 *     given no port (its launcher chooses, or its default holds)
 * @param platformSecrets each platform client's secret, by client id
 * @param microsoftSimulated whether the graph-simulator stands in for Microsoft's identity platform
 *     and Graph; if not, the services keep their defaults (Microsoft's own URLs)
 * @param returnUrlPrefixes where auth-service may send a browser back to after consent; empty: its
 *     default (nowhere)
 */
public record Topology(
    String kafkaBootstrapServers,
    Map<Service, Address> addresses,
    Map<Service, Database> databases,
    String platformIssuer,
    Map<String, String> platformSecrets,
    AppRegistration app,
    boolean microsoftSimulated,
    String tokenKeyset,
    Optional<String> returnUrlPrefixes) {

  public Topology {
    addresses = Map.copyOf(addresses);
    databases = Map.copyOf(databases);
    platformSecrets = Map.copyOf(platformSecrets);
  }

  /** A stack with its Kafka at {@code kafkaBootstrapServers} and Microsoft simulated. */
  public static Topology of(String kafkaBootstrapServers) {
    return new Topology(
        kafkaBootstrapServers,
        Map.of(),
        Map.of(),
        null,
        Map.of(),
        null,
        true,
        null,
        Optional.empty());
  }

  public Topology withAddress(Service service, String host, int port) {
    Map<Service, Address> all = new EnumMap<>(Service.class);
    all.putAll(addresses);
    all.put(service, new Address(host, port));
    return new Topology(
        kafkaBootstrapServers,
        all,
        databases,
        platformIssuer,
        platformSecrets,
        app,
        microsoftSimulated,
        tokenKeyset,
        returnUrlPrefixes);
  }

  public Topology withDatabase(Service service, Database database) {
    Map<Service, Database> all = new EnumMap<>(Service.class);
    all.putAll(databases);
    all.put(service, database);
    return new Topology(
        kafkaBootstrapServers,
        addresses,
        all,
        platformIssuer,
        platformSecrets,
        app,
        microsoftSimulated,
        tokenKeyset,
        returnUrlPrefixes);
  }

  /** The platform's identity provider: its issuer and the secret of each of its clients. */
  public Topology withPlatform(String issuer, Map<String, String> secrets) {
    return new Topology(
        kafkaBootstrapServers,
        addresses,
        databases,
        issuer,
        secrets,
        app,
        microsoftSimulated,
        tokenKeyset,
        returnUrlPrefixes);
  }

  /** The app registration auth-service signs in with; {@code simulated}: the simulator's. */
  public Topology withApp(AppRegistration app, boolean simulated) {
    return new Topology(
        kafkaBootstrapServers,
        addresses,
        databases,
        platformIssuer,
        platformSecrets,
        app,
        simulated,
        tokenKeyset,
        returnUrlPrefixes);
  }

  public Topology withTokenKeyset(String keyset) {
    return new Topology(
        kafkaBootstrapServers,
        addresses,
        databases,
        platformIssuer,
        platformSecrets,
        app,
        microsoftSimulated,
        keyset,
        returnUrlPrefixes);
  }

  public Topology withReturnUrlPrefixes(String prefixes) {
    return new Topology(
        kafkaBootstrapServers,
        addresses,
        databases,
        platformIssuer,
        platformSecrets,
        app,
        microsoftSimulated,
        tokenKeyset,
        Optional.of(prefixes));
  }

  /** Where {@code service} listens; a topology without it cannot start what calls it. */
  public Address address(Service service) {
    return require(addresses.get(service), "an address of " + service.id());
  }

  public Database database(Service service) {
    return require(databases.get(service), "a database of " + service.id());
  }

  /** The secret of a platform client; a client the identity provider lacks stops the start. */
  public String platformSecret(String clientId) {
    String secret = platformSecrets.get(clientId);
    if (secret == null) {
      throw new IllegalStateException(
          "the platform's identity provider has no client "
              + clientId
              + ": "
              + platformSecrets.keySet());
    }
    return secret;
  }

  /** Never the secrets or the keyset, even in a test's log. */
  @Override
  public String toString() {
    return "Topology[kafka=" + kafkaBootstrapServers + ", addresses=" + addresses + "]";
  }

  static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalStateException("the topology has no " + what);
    }
    return value;
  }
}
