package dev.o365connector.gateway.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.gateway.config.GatewayConfig;
import dev.o365connector.gateway.error.GatewayProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxGovernorTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MailboxGovernor governor = new MailboxGovernor(config(2, 3), registry);

  @Test
  void slotsPassToWaitersInArrivalOrderAndAFullQueueIsRefused() {
    List<UniAssertSubscriber<MailboxGovernor.Permit>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          governor.acquire("t/alice").subscribe().withSubscriber(UniAssertSubscriber.create()));
    }
    calls.get(0).assertCompleted();
    calls.get(1).assertCompleted();
    calls.get(2).assertNotTerminated();
    calls.get(3).assertNotTerminated();
    calls.get(4).assertNotTerminated();
    calls.get(5).assertFailedWith(GatewayProblem.class, "3 requests already wait");
    assertThat(registry.get("o365.gateway.mailbox.queue").gauge().value()).isEqualTo(3);

    calls.get(0).getItem().release();
    calls.get(0).getItem().release(); // twice is harmless
    calls.get(2).assertCompleted();
    calls.get(3).assertNotTerminated();
    assertThat(registry.get("o365.gateway.mailbox.queue").gauge().value()).isEqualTo(2);
  }

  @Test
  void anotherMailboxIsNotHeldUp() {
    governor.acquire("t/alice").subscribe().withSubscriber(UniAssertSubscriber.create());
    governor.acquire("t/alice").subscribe().withSubscriber(UniAssertSubscriber.create());
    governor
        .acquire("t/bob")
        .subscribe()
        .withSubscriber(UniAssertSubscriber.create())
        .assertCompleted();
  }

  /** The mailbox settings only; the governor reads nothing else. */
  static GatewayConfig config(int concurrency, int queueSize) {
    GatewayConfig.Mailbox mailbox =
        new GatewayConfig.Mailbox() {
          @Override
          public int concurrency() {
            return concurrency;
          }

          @Override
          public int queueSize() {
            return queueSize;
          }
        };
    return (GatewayConfig)
        Proxy.newProxyInstance(
            GatewayConfig.class.getClassLoader(),
            new Class<?>[] {GatewayConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("mailbox")) {
                return mailbox;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
