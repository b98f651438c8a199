package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.ForwardingLayer;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.RawHttp.Answer;
import dev.chanx.server.testing.chat.ChatRoute;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** /health/live and /health/ready over real HTTP: readiness follows the layer and the stop. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthChecksTest {

  /** The in-memory layer, ready as the test says: a layer that lost its Redis says false. */
  private static final class SwitchedLayer extends ForwardingLayer {
    final AtomicBoolean ready = new AtomicBoolean(true);

    @Override
    public boolean ready() {
      return ready.get();
    }
  }

  @Test
  void readinessFollowsTheLayerWhileLivenessStays() throws Exception {
    SwitchedLayer layer = new SwitchedLayer();
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layer)
        .channel(ChatRoute.create(), new ChatRoom()).healthChecks(true)).start();
    try {
      assertEquals(new Answer(200, "", "ready\n"), bodyOnly(RawHttp.get(server.port(), "/health/ready")));
      layer.ready.set(false);
      assertEquals(new Answer(503, "", "not ready\n"), bodyOnly(RawHttp.get(server.port(), "/health/ready")));
      assertEquals(new Answer(200, "", "live\n"), bodyOnly(RawHttp.get(server.port(), "/health/live")));
      layer.ready.set(true);
      assertEquals(200, RawHttp.get(server.port(), "/health/ready").status());
    } finally {
      server.stop();
    }
  }

  @Test
  void aStoppingServerIsNotReady() throws Exception {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), new ChatRoom()).healthChecks(true)).start();
    try {
      // What GracefulStop does first; the port then closes, which a probe sees as not ready too.
      server.guard().stopping();
      assertEquals(503, RawHttp.get(server.port(), "/health/ready").status());
      assertEquals(200, RawHttp.get(server.port(), "/health/live").status());
    } finally {
      server.stop();
    }
  }

  @Test
  void withoutHealthChecksThePathsAreNotServed() throws Exception {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), new ChatRoom())).start();
    try {
      assertEquals(404, RawHttp.get(server.port(), "/health/ready").status());
    } finally {
      server.stop();
    }
  }

  @Test
  void aTextEndpointServesItsBody() throws Exception {
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), new ChatRoom())
        .textEndpoint("/metrics", "text/plain;charset=utf-8", () -> "up 1\n")).start();
    try {
      Answer answer = RawHttp.get(server.port(), "/metrics");
      assertEquals(200, answer.status());
      assertEquals("up 1\n", answer.body());
    } finally {
      server.stop();
    }
  }

  private static Answer bodyOnly(Answer answer) {
    return new Answer(answer.status(), "", answer.body());
  }
}
