package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ServerConfig;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.BoomMessage;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.EchoMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import dev.chanx.server.testing.chat.SlowMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.ServletWebServerFactory;

/**
 * The transport behaviour on Tomcat with the handlers promised not to block, as the starter sets
 * it up for {@code chanx.non-blocking-handlers=true}: {@link TomcatProtocol}, whose poller thread
 * runs the sockets' reads and writes itself.
 */
class TomcatPollerTransportTest extends ServletTransportTest {

  @Override
  protected ServletWebServerFactory container() {
    TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
    tomcat.setProtocol(TomcatProtocol.class.getName());
    return tomcat;
  }

  @Override
  protected Served serve(Consumer<ServerConfig> configure) {
    return super.serve(configure.andThen(config -> config.nonBlockingHandlers(true)));
  }

  @Test
  void framesAreHandledOnThePollerThread() throws Exception {
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    Served served = serve(config -> config.channel(ChatRoute.create(), new ThreadRecorder(threads)));
    try (TestClient client = TestClient.connect(served.port(), "/ws/chat/room1/")) {
      for (int i = 0; i < 3; i++) {
        client.send("{\"action\":\"ping\"}").expect("{\"action\":\"pong\",\"payload\":null}");
        String thread = threads.poll(10, TimeUnit.SECONDS);
        assertTrue(thread != null && thread.endsWith("-Poller"), "handled on " + thread);
      }
    } finally {
      served.close();
    }
  }

  /** Answers pings, noting the thread each ran on. */
  private record ThreadRecorder(BlockingQueue<String> threads) implements ChatHandler {

    @Override
    public PongMessage handlePing(PingMessage message, Connection<ChatServerMessage, ChatPath> connection) {
      threads.add(Thread.currentThread().getName());
      return new PongMessage();
    }

    @Override
    public NewChatMessage handleNewChatMessage(NewChatMessage message,
        Connection<ChatServerMessage, ChatPath> connection) {
      return null;
    }

    @Override
    public void handleBoom(BoomMessage message, Connection<ChatServerMessage, ChatPath> connection) {}

    @Override
    public EchoMessage handleSlow(SlowMessage message, Connection<ChatServerMessage, ChatPath> connection) {
      return null;
    }
  }
}
