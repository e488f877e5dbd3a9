package dev.o365connector.gateway.throttle;

import dev.o365connector.gateway.config.GatewayConfig;
import dev.o365connector.gateway.error.GatewayProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code o365.gateway.mailbox.concurrency} (4) Graph requests in flight per mailbox, as
 * Outlook allows per app and mailbox; others wait in a bounded queue, in arrival order, without
 * holding a thread. A full queue answers 503 with Retry-After rather than piling up.
 */
@ApplicationScoped
public class MailboxGovernor {

  private final int concurrency;
  private final int queueSize;
  private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();

  MailboxGovernor(GatewayConfig config, MeterRegistry registry) {
    this.concurrency = config.mailbox().concurrency();
    this.queueSize = config.mailbox().queueSize();
    Gauge.builder("o365.gateway.mailbox.queue", queued, AtomicInteger::get)
        .description("Requests waiting for a free per-mailbox slot")
        .register(registry);
  }

  /** A slot for {@code mailbox}, now or once one frees up; release it when the response ends. */
  public Uni<Permit> acquire(String mailbox) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              Mailbox box = mailboxes.computeIfAbsent(mailbox, key -> new Mailbox());
              synchronized (box) {
                if (box.inFlight < concurrency) {
                  box.inFlight++;
                  emitter.complete(new Permit(mailbox, box));
                  return;
                }
                if (box.waiting.size() >= queueSize) {
                  emitter.fail(
                      new GatewayProblem(
                          503,
                          "mailbox-queue-full",
                          "Too many requests waiting for this mailbox",
                          queueSize + " requests already wait for mailbox " + mailbox,
                          Map.of("retryAfterSeconds", 1)));
                  return;
                }
                box.waiting.add(new Waiter(emitter, Vertx.currentContext()));
                queued.incrementAndGet();
              }
            });
  }

  private void release(String mailbox, Mailbox box) {
    Waiter next;
    synchronized (box) {
      next = box.waiting.poll();
      if (next == null) {
        box.inFlight--;
        if (box.inFlight == 0) {
          mailboxes.remove(mailbox, box);
        }
        return;
      }
      queued.decrementAndGet();
    }
    // The slot passes straight to the next waiter, on its own event loop.
    Permit permit = new Permit(mailbox, box);
    if (next.context() == null) {
      next.emitter().complete(permit);
    } else {
      next.context().runOnContext(ignored -> next.emitter().complete(permit));
    }
  }

  /** A held slot; releasing twice is harmless. */
  public final class Permit {
    private final String mailbox;
    private final Mailbox box;
    private boolean released;

    private Permit(String mailbox, Mailbox box) {
      this.mailbox = mailbox;
      this.box = box;
    }

    public synchronized void release() {
      if (!released) {
        released = true;
        MailboxGovernor.this.release(mailbox, box);
      }
    }
  }

  private static final class Mailbox {
    private int inFlight;
    private final Queue<Waiter> waiting = new ArrayDeque<>();
  }

  private record Waiter(UniEmitter<? super Permit> emitter, Context context) {}
}
