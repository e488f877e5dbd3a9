package dev.o365connector.simulator.batch;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.graph.GraphErrors;
import dev.o365connector.simulator.http.Responses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code POST /v1.0/$batch}: Graph's JSON batching, at most 20 requests. */
public final class BatchRoutes {

  private final SimulatorContext context;
  private BatchExecutor executor;

  public BatchRoutes(SimulatorContext context) {
    this.context = context;
  }

  public void register(Router router) {
    router.post("/v1.0/$batch").handler(this::batch);
    // Some clients (REST Assured among them) percent-encode the $.
    router.post("/v1.0/%24batch").handler(this::batch);
  }

  private void batch(RoutingContext ctx) {
    List<BatchItem> items;
    try {
      items = BatchItem.parse(ctx.body().asJsonObject());
    } catch (IllegalArgumentException | ClassCastException | DecodeException e) {
      String message =
          e instanceof IllegalArgumentException ? e.getMessage() : "Invalid batch payload format.";
      GraphErrors.write(ctx, 400, "BadRequest", message);
      return;
    }
    executor(ctx)
        .run(items, ctx.request().getHeader("Authorization"))
        .onSuccess(
            responses -> {
              GraphErrors.correlate(ctx);
              Responses.json(ctx, 200, new JsonObject().put("responses", new JsonArray(responses)));
            })
        .onFailure(ctx::fail);
  }

  // The client needs the Vert.x instance, which only a request brings.
  private synchronized BatchExecutor executor(RoutingContext ctx) {
    if (executor == null) {
      executor =
          new BatchExecutor(
              context,
              ctx.vertx()
                  .createHttpClient(
                      clientOptions(), new PoolOptions().setHttp1MaxSize(BatchItem.MAX_REQUESTS)));
    }
    return executor;
  }

  // Over HTTPS the simulator calls itself, so it trusts its own certificate (and only that).
  private HttpClientOptions clientOptions() {
    HttpClientOptions options = new HttpClientOptions();
    context
        .tls()
        .ifPresent(
            tls ->
                options.setTrustOptions(
                    new PemTrustOptions().addCertValue(Buffer.buffer(tls.certificatePem()))));
    return options;
  }
}
