package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.channel.Connection;
import java.lang.reflect.InvocationHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic served on its own route, as Chanx's {@code Topic.as_consumer()} ({@code
 * codegen/topics-standalone.yaml}, channel {@code discussion_route} at {@code /ws/discussion/{pk}}):
 * connecting subscribes to the topic the URL names, frames without a topic are the topic's, and
 * the group is the one every route serving the topic shares. Frames as in Chanx's
 * {@code test_standalone_route_subscribes_without_an_envelope}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicRouteServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path workDir;

  static CompiledChannel route;
  static ChanxServer server;

  @BeforeAll
  static void serve() {
    route = CompiledChannel.of(Path.of("src/test/resources/codegen/topics-standalone.yaml"), "discussion_route",
        "DiscussionRoute", workDir);
    server = serve(route.route(), handler(route.type("DiscussionRouteHandler"), route.type("Cancelled")));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ChanxServer serve(ChannelRoute route, Object handler) {
    return ChanxServer.create(config -> config.host("127.0.0.1").port(0).channel(route, (ChannelHandler) handler))
        .start();
  }

  /** Answers cancel with cancelled "discussion-<pk>", as Chanx's test topic does. */
  private static Object handler(Class<?> type, Class<?> cancelled) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      if (method.getName().equals("handleRouteCancel")) {
        Object params = ((Connection<?, ?>) args[1]).path();
        Object pk = params.getClass().getMethod("pk").invoke(params);
        return cancelled.getConstructor(String.class).newInstance("discussion-" + pk);
      }
      return null;
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** Collects each text frame. */
  private static final class Frames implements WebSocket.Listener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final StringBuilder part = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      part.append(data);
      if (last) {
        texts.add(part.toString());
        part.setLength(0);
      }
      socket.request(1);
      return null;
    }

    JsonNode next() throws Exception {
      String text = texts.poll(10, TimeUnit.SECONDS);
      return text == null ? null : JSON.readTree(text);
    }
  }

  @Test
  void connectingSubscribesAndFramesWithoutATopicAreTheTopics() throws Exception {
    Frames frames = new Frames();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/discussion/5"), frames).join();
    try {
      assertEquals(JSON.readTree("{\"action\":\"subscribed\",\"payload\":null,\"version\":1,\"topic\":\"discussion:5\"}"),
          frames.next());
      socket.sendText("{\"action\": \"cancel\", \"ref\": \"1\"}", true).join();
      JsonNode reply = frames.next();
      assertEquals("discussion-5", reply.get("payload").asText());
      assertEquals("discussion:5", reply.get("topic").asText());
      assertEquals("1", reply.get("ref").asText());
    } finally {
      socket.sendClose(1000, "").join();
    }
  }
}
