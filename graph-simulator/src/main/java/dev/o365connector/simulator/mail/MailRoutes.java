package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.delta.DeltaCollection;
import dev.o365connector.simulator.delta.DeltaLinks;
import dev.o365connector.simulator.delta.DeltaQuery;
import dev.o365connector.simulator.delta.DeltaResult;
import dev.o365connector.simulator.delta.DeltaView;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.graph.DeltaResponses;
import dev.o365connector.simulator.graph.GraphErrors;
import dev.o365connector.simulator.graph.GraphRequests;
import dev.o365connector.simulator.graph.Permission;
import dev.o365connector.simulator.graph.TargetUser;
import dev.o365connector.simulator.graph.TargetUser.Target;
import dev.o365connector.simulator.mail.model.MailFolder;
import dev.o365connector.simulator.mail.model.Mailbox;
import dev.o365connector.simulator.mail.model.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/** Outlook mail: folders, their delta, messages per folder and their delta, single messages. */
public final class MailRoutes {

  private static final int MESSAGE_PAGE = 10;
  private static final int FOLDER_PAGE = 100;
  private static final int MAX_PAGE = 1000;

  private final SimulatorContext context;
  private final GraphRequests requests;

  public MailRoutes(SimulatorContext context, GraphRequests requests) {
    this.context = context;
    this.requests = requests;
  }

  public void register(Router router) {
    TargetUser.get(router, "/mailFolders/delta", this::foldersDelta);
    TargetUser.get(router, "/mailFolders", ctx -> withMailbox(ctx, this::topFolders));
    TargetUser.get(router, "/mailFolders/:folderId", ctx -> withMailbox(ctx, this::folder));
    TargetUser.get(
        router, "/mailFolders/:folderId/childFolders", ctx -> withMailbox(ctx, this::childFolders));
    TargetUser.get(router, "/mailFolders/:folderId/messages/delta", this::messagesDelta);
    TargetUser.get(
        router, "/mailFolders/:folderId/messages", ctx -> withMailbox(ctx, this::listMessages));
    TargetUser.get(router, "/messages/:messageId", ctx -> withMailbox(ctx, this::message));
  }

  private void foldersDelta(RoutingContext ctx) {
    resolve(ctx)
        .ifPresent(
            target -> {
              DeltaQuery query = query(ctx, FOLDER_PAGE);
              DeltaLinks links =
                  DeltaLinks.odata(GraphRequests.pathUrl(ctx, context.graphBaseUrl()));
              DeltaResult result =
                  context
                      .directory()
                      .locked(
                          () -> {
                            Mailbox mailbox = mailbox(target);
                            DeltaView<MailFolder> view =
                                new DeltaView<>() {
                                  @Override
                                  public JsonObject render(MailFolder folder, JsonObject params) {
                                    return mailbox.folderJson(folder);
                                  }

                                  @Override
                                  public JsonObject removed(
                                      DeltaCollection.Entry<MailFolder> entry, JsonObject params) {
                                    return GraphRequests.removed(entry.id(), entry.removedReason());
                                  }
                                };
                            return context
                                .deltaPager()
                                .page(
                                    mailbox.folders(),
                                    scope(target, "folders"),
                                    query,
                                    links,
                                    view);
                          });
              DeltaResponses.write(
                  ctx, result, context.graphBaseUrl() + "/$metadata#Collection(mailFolder)", links);
            });
  }

  private void messagesDelta(RoutingContext ctx) {
    resolve(ctx)
        .ifPresent(
            target -> {
              boolean immutable = immutableIds(ctx);
              DeltaQuery query = query(ctx, MESSAGE_PAGE);
              DeltaLinks links =
                  DeltaLinks.odata(GraphRequests.pathUrl(ctx, context.graphBaseUrl()));
              String folderParam = ctx.pathParam("folderId");
              Optional<DeltaResult> result =
                  context
                      .directory()
                      .locked(
                          () -> {
                            Mailbox mailbox = mailbox(target);
                            return mailbox
                                .folder(folderParam)
                                .map(
                                    folder -> {
                                      DeltaView<Message> view =
                                          new DeltaView<>() {
                                            @Override
                                            public JsonObject render(
                                                Message message, JsonObject params) {
                                              return GraphRequests.select(
                                                  message.toGraph(immutable),
                                                  params.getString("$select"));
                                            }

                                            @Override
                                            public JsonObject removed(
                                                DeltaCollection.Entry<Message> entry,
                                                JsonObject params) {
                                              return GraphRequests.removed(
                                                  entry.value().idFor(immutable),
                                                  entry.removedReason());
                                            }
                                          };
                                      return context
                                          .deltaPager()
                                          .page(
                                              mailbox.messages(folder.id()).orElseThrow(),
                                              scope(target, "messages:" + folder.id()),
                                              query,
                                              links,
                                              view);
                                    });
                          });
              if (result.isEmpty()) {
                folderNotFound(ctx);
                return;
              }
              DeltaResponses.write(
                  ctx,
                  result.get(),
                  context.graphBaseUrl() + "/$metadata#Collection(message)",
                  links);
            });
  }

  private void topFolders(RoutingContext ctx, Mailbox mailbox) {
    JsonArray value = new JsonArray();
    mailbox.childFolders(mailbox.rootId()).forEach(f -> value.add(mailbox.folderJson(f)));
    GraphErrors.ok(ctx, new JsonObject().put("value", value));
  }

  private void folder(RoutingContext ctx, Mailbox mailbox) {
    mailbox
        .folder(ctx.pathParam("folderId"))
        .ifPresentOrElse(
            f -> GraphErrors.ok(ctx, mailbox.folderJson(f)), () -> folderNotFound(ctx));
  }

  private void childFolders(RoutingContext ctx, Mailbox mailbox) {
    Optional<MailFolder> parent = mailbox.folder(ctx.pathParam("folderId"));
    if (parent.isEmpty()) {
      folderNotFound(ctx);
      return;
    }
    JsonArray value = new JsonArray();
    mailbox.childFolders(parent.get().id()).forEach(f -> value.add(mailbox.folderJson(f)));
    GraphErrors.ok(ctx, new JsonObject().put("value", value));
  }

  private void listMessages(RoutingContext ctx, Mailbox mailbox) {
    Optional<MailFolder> folder = mailbox.folder(ctx.pathParam("folderId"));
    if (folder.isEmpty()) {
      folderNotFound(ctx);
      return;
    }
    int top = GraphRequests.intParam(ctx, "$top", MESSAGE_PAGE, MAX_PAGE);
    int skip = GraphRequests.intParam(ctx, "$skip", 0, Integer.MAX_VALUE);
    boolean immutable = immutableIds(ctx);
    String select = ctx.request().getParam("$select");
    GraphErrors.ok(
        ctx,
        GraphRequests.pageBySkip(
            ctx,
            context.graphBaseUrl(),
            new JsonObject(),
            mailbox.messages(folder.get().id()).orElseThrow().live(),
            top,
            skip,
            m -> GraphRequests.select(m.toGraph(immutable), select),
            ""));
  }

  private void message(RoutingContext ctx, Mailbox mailbox) {
    boolean immutable = immutableIds(ctx);
    mailbox
        .message(ctx.pathParam("messageId"))
        .ifPresentOrElse(
            m ->
                GraphErrors.ok(
                    ctx,
                    GraphRequests.select(m.toGraph(immutable), ctx.request().getParam("$select"))),
            () ->
                GraphErrors.write(
                    ctx,
                    404,
                    "ErrorItemNotFound",
                    "The specified object was not found in the store."));
  }

  /** Resolves the mailbox owner, then runs {@code action} under the directory's lock. */
  private void withMailbox(RoutingContext ctx, MailboxAction action) {
    resolve(ctx)
        .ifPresent(target -> context.directory().locked(() -> action.run(ctx, mailbox(target))));
  }

  private Optional<Target> resolve(RoutingContext ctx) {
    return TargetUser.authorize(ctx, context, requests, Permission.READ_MAIL, User::hasMailbox);
  }

  private Mailbox mailbox(Target target) {
    return target.tenant(context.directory()).mailbox(target.user().id()).orElseThrow();
  }

  private static String scope(Target target, String what) {
    return "mail:" + target.tenantId() + ":" + target.user().id() + ":" + what;
  }

  private static DeltaQuery query(RoutingContext ctx, int defaultPage) {
    String select = ctx.request().getParam("$select");
    return new DeltaQuery(
        ctx.request().getParam("$deltatoken"),
        ctx.request().getParam("$skiptoken"),
        select == null ? null : new JsonObject().put("$select", select),
        GraphRequests.pageSize(ctx, defaultPage, MAX_PAGE));
  }

  /** {@code Prefer: IdType="ImmutableId"}, which Outlook wants on every request. */
  static boolean immutableIds(RoutingContext ctx) {
    return ctx.request().headers().getAll("Prefer").stream()
        .anyMatch(
            p -> p.toLowerCase(Locale.ROOT).replace(" ", "").contains("idtype=\"immutableid\""));
  }

  private static void folderNotFound(RoutingContext ctx) {
    GraphErrors.write(
        ctx, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
  }

  @FunctionalInterface
  private interface MailboxAction {
    void run(RoutingContext ctx, Mailbox mailbox);
  }
}
