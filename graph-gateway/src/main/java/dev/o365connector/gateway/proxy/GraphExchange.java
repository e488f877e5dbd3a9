package dev.o365connector.gateway.proxy;

import dev.o365connector.contracts.permission.GraphRouteMatch;
import dev.o365connector.contracts.token.InstallationAccess;
import dev.o365connector.gateway.throttle.MailboxGovernor;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;

/** One caller request on its way through the gateway, and what it has cost so far. */
final class GraphExchange {

  final RoutingContext ctx;
  final GraphPath path;
  final String clientRequestId;
  final RequestContext request;
  final long startedNanos = System.nanoTime();
  InstallationAccess access;
  GraphRouteMatch match;
  MailboxGovernor.Permit permit;
  int attempts;
  boolean refreshed;
  boolean batch;
  Duration waited = Duration.ZERO;
  long upstreamNanos;

  GraphExchange(
      RoutingContext ctx, GraphPath path, String clientRequestId, RequestContext request) {
    this.ctx = ctx;
    this.path = path;
    this.clientRequestId = clientRequestId;
    this.request = request;
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

  void releasePermit() {
    if (permit != null) {
      permit.release();
      permit = null;
    }
  }

  /** The gateway's own share: total so far minus Graph's time and deliberate waits. */
  Duration added() {
    return Duration.ofNanos(System.nanoTime() - startedNanos - upstreamNanos).minus(waited);
  }
}
