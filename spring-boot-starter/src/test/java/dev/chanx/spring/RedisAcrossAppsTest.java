package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.server.ChannelHost;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
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

/** Two applications on one Redis from {@code chanx.redis.url}: a room spans both. */
@ExtendWith(RedisForTests.Needed.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisAcrossAppsTest {

  private static ConfigurableApplicationContext one;
  private static ConfigurableApplicationContext two;

  /** A chat application; Spring Security, on this module's test class path, lets all in. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    ChatRoom chatRoom() {
      return new ChatRoom();
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
  void aRoomSpansTwoApplicationsOnOneRedis() throws Exception {
    assertTrue(one.getBean(ChannelHost.class).layer() instanceof RedisChannelLayer);
    try (TestClient alice = TestClient.connect(port(one), "/ws/chat/shared/");
        TestClient bob = TestClient.connect(port(two), "/ws/chat/shared/")) {
      String ping = "{\"action\":\"ping\"}";
      String pong = "{\"action\":\"pong\",\"payload\":null}";
      alice.send(ping).expect(pong);
      bob.send(ping).expect(pong);
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"across\",\"name\":\"Alice\"}}";
      alice.send(hello);
      assertEquals(hello, bob.next());
    }
  }
}
