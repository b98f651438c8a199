package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.redis.RedisForTests;
import dev.chanx.server.presence.Presence;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.BoomMessage;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.EchoMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import dev.chanx.server.testing.chat.SlowMessage;
import dev.chanx.server.channel.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code chanx.redis.url} puts presence on Redis too: a member connected to one application is
 * present for a client of another one on the same Redis.
 */
@ExtendWith(RedisForTests.Needed.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisPresenceAcrossAppsTest {

  private static ConfigurableApplicationContext one;
  private static ConfigurableApplicationContext two;

  /** A chat whose connections are tracked in their room under the connection's {@code name} query parameter. */
  static final class PresenceRoom implements ChatHandler {

    @Override
    public void onConnect(Connection<ChatServerMessage, ChatPath> connection) {
      String room = connection.path().groupName();
      String name = connection.queryParameters().getOrDefault("name", java.util.List.of("anonymous")).get(0);
      Presence.track(connection, room, name, out -> out.writeString(name));
    }

    @Override
    public NewChatMessage handleNewChatMessage(NewChatMessage message,
        Connection<ChatServerMessage, ChatPath> connection) {
      return null;
    }

    @Override
    public PongMessage handlePing(PingMessage message, Connection<ChatServerMessage, ChatPath> connection) {
      return new PongMessage();
    }

    @Override
    public void handleBoom(BoomMessage message, Connection<ChatServerMessage, ChatPath> connection) {}

    @Override
    public EchoMessage handleSlow(SlowMessage message, Connection<ChatServerMessage, ChatPath> connection) {
      return new EchoMessage(message.payload());
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    PresenceRoom presenceRoom() {
      return new PresenceRoom();
    }

    @Bean
    SecurityFilterChain open(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
  }

  @BeforeAll
  static void start() {
    String namespace = RedisForTests.freshNamespace();
    one = app(namespace);
    two = app(namespace);
  }

  private static ConfigurableApplicationContext app(String namespace) {
    return new SpringApplicationBuilder(App.class).run("--server.port=0", "--spring.main.banner-mode=off",
        "--chanx.redis.url=" + RedisForTests.uri(), "--chanx.redis.namespace=" + namespace);
  }

  @AfterAll
  static void stop() {
    one.close();
    two.close();
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @Test
  void aMemberOnOneApplicationIsPresentOnTheOther() throws Exception {
    try (TestClient alice = TestClient.connect(port(one), "/ws/chat/present/?name=alice")) {
      alice.send("{\"action\":\"ping\"}");
      try (TestClient bob = TestClient.connect(port(two), "/ws/chat/present/?name=bob")) {
        // Bob's application counts members in Redis: its presence has Alice, who is on the other one.
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean seen = false;
        while (!seen && System.nanoTime() < until) {
          String frame = bob.poll(Duration.ofSeconds(1));
          seen = frame != null && frame.startsWith("{\"action\":\"presence_") && frame.contains("alice");
        }
        assertTrue(seen, "bob never saw alice");
      }
    }
  }
}
