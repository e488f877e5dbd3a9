package dev.o365connector.gateway.proxy;

import dev.o365connector.contracts.permission.GraphRouteMatch;
import dev.o365connector.contracts.token.InstallationAccess;
import dev.o365connector.gateway.pathsafety.GraphPath;
import dev.o365connector.gateway.throttle.MailboxGovernor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;

/**
 * One caller request on its way through the gateway: what was asked, fixed when it arrives, and how
 * forwarding it went so far. Its state changes only through the steps below, which {@link
 * GraphProxy} takes (admitted, attempt started, Graph answered, wait reserved, token renewed); the
 * others read it and give its mailbox slot back once the answer is relayed.
 */
final class GraphExchange {

  private final RoutingContext ctx;
  private final GraphPath path;
  private final String clientRequestId;
  private final RequestContext context;
  private final boolean batch;
  private final long startedNanos = System.nanoTime();

  private InstallationAccess access;
  private GraphRouteMatch match;
  private MailboxGovernor.Permit permit;
  private int attempts;
  private boolean tokenRenewed;
  private Duration waited = Duration.ZERO;
  private long upstreamNanos;

  GraphExchange(
      RoutingContext ctx, GraphPath path, String clientRequestId, RequestContext context) {
    this.ctx = ctx;
    this.path = path;
    this.clientRequestId = clientRequestId;
    this.context = context;
    this.batch = ctx.request().method() == HttpMethod.POST && path.path().equals("/$batch");
  }

  HttpServerRequest request() {
    return ctx.request();
  }

  HttpServerResponse response() {
    return ctx.response();
  }

  GraphPath path() {
    return path;
  }

  String installationId() {
    return path.installationId();
  }

  String clientRequestId() {
    return clientRequestId;
  }

  /** Whether this is {@code POST .../$batch}, whose inner requests are checked one by one. */
  boolean isBatch() {
    return batch;
  }

  /**
   * {@code uni}, continued on the context this request is served on (see {@link RequestContext}).
   */
  <T> Uni<T> resume(Uni<T> uni) {
    return context.resume(uni);
  }

  /**
   * The installation's grants allow the request: its access, and the route it matched ({@code null}
   * for a {@code $batch}, whose inner requests each matched their own).
   */
  void admitted(InstallationAccess access, GraphRouteMatch match) {
    this.access = access;
    this.match = match;
  }

  /** The installation's access Graph gets the token of. */
  InstallationAccess access() {
    return access;
  }

  /**
   * Graph rejected the token: true the first time, when the exchange may go on with a renewed one,
   * false after that.
   */
  boolean claimTokenRenewal() {
    if (tokenRenewed) {
      return false;
    }
    tokenRenewed = true;
    return true;
  }

  /** The access that replaced the one Graph rejected. */
  void tokenRenewed(InstallationAccess renewed) {
    this.access = renewed;
  }

  /** An attempt goes to Graph, holding {@code permit} (null outside Outlook's mailboxes). */
  void attemptStarted(MailboxGovernor.Permit permit) {
    this.permit = permit;
    attempts++;
  }

  /** Attempts sent to Graph so far. */
  int attempts() {
    return attempts;
  }

  /** Graph took {@code took} to answer an attempt's headers. */
  void graphAnswered(Duration took) {
    upstreamNanos += took.toNanos();
  }

  /**
   * Counts {@code wait} against the exchange's waits so far if together they stay within {@code
   * budget}; false, counting nothing, when they would not.
   */
  boolean reserveWait(Duration wait, Duration budget) {
    if (waited.plus(wait).compareTo(budget) > 0) {
      return false;
    }
    waited = waited.plus(wait);
    return true;
  }

  /** Gives the mailbox slot back, if one is held; harmless when none is. */
  void releasePermit() {
    if (permit != null) {
      permit.release();
      permit = null;
    }
  }

  /** The route template for metrics, bounded. */
  String routeTag() {
    if (batch) {
      return "$batch";
    }
    return match == null ? ProxyMetrics.UNMATCHED : match.route().template();
  }

  /**
   * The mailbox whose Outlook limits this request counts against ({@code tenant/user}), or null for
   * routes that are not Outlook's.
   */
  String mailbox() {
    if (match == null || !match.route().outlook() || match.owner() == null) {
      return null;
    }
    String owner = "me".equals(match.owner()) ? access.userId() : match.owner();
    return access.tenantId() + "/" + (owner == null ? "me" : owner.toLowerCase(Locale.ROOT));
  }

  /** Where a 429 pauses further requests: the mailbox, else the whole installation. */
  String throttleScope() {
    String mailbox = mailbox();
    return mailbox != null ? mailbox : "installation/" + path.installationId();
  }

  /** The gateway's own share: total so far minus Graph's time and deliberate waits. */
  Duration added() {
    return Duration.ofNanos(System.nanoTime() - startedNanos - upstreamNanos).minus(waited);
  }
}
