package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.ChannelHost;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatPublisher;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.NoticeMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application on spring-boot-starter-jetty (Jetty 12.1) rather than Tomcat: the starter serves
 * its handler bean there too, and a chat runs through it over real WebSockets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JettyApplicationTest {

  private static final String PING = "{\"action\":\"ping\"}";
  private static final String PONG = "{\"action\":\"pong\",\"payload\":null}";

  @LocalServerPort
  int port;
  @Autowired
  ServletWebServerApplicationContext context;
  @Autowired
  ChatRoom room;
  @Autowired
  ChatPublisher publisher;

  /** The application: its handler and publisher beans, on Jetty. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    /** Both containers are on this module's test classpath; an application on Jetty has only Jetty's. */
    @Bean
    JettyServletWebServerFactory jetty() {
      return new JettyServletWebServerFactory();
    }

    @Bean
    ChatRoom chatRoom() {
      return new ChatRoom();
    }

    @Bean
    ChatPublisher chatPublisher(ChannelHost host) {
      return ChatPublisher.of(host.publisher(ChatRoute.create()));
    }

    @Bean
    SecurityFilterChain open(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
  }

  @Test
  void aChatRunsOnJetty() throws Exception {
    assertTrue(context.getWebServer() instanceof JettyWebServer, context.getWebServer().getClass().getName());
    try (TestClient alice = TestClient.connect(port, "/ws/chat/jetty/");
        TestClient bob = TestClient.connect(port, "/ws/chat/jetty/");
        TestClient carol = TestClient.connect(port, "/ws/chat/elsewhere/")) {
      alice.send(PING).expect(PONG);
      bob.send(PING).expect(PONG);
      carol.send(PING).expect(PONG);
      String hello = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello from Jetty\",\"name\":\"Alice\"}}";
      alice.send(hello);
      bob.expect(hello);
      alice.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"hi\"}}");
      assertTrue(alice.next().startsWith("{\"action\":\"error\",\"payload\":[{\"type\":\"missing\""));
      publisher.broadcastNotice(new NoticeMessage("everyone"), "jetty");
      alice.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
      bob.expect("{\"action\":\"notice\",\"payload\":\"everyone\"}");
      carol.send(PING).expect(PONG);
      room.disconnected.clear();
    }
    // Each client's close is answered and reported to the handler with its code.
    for (int i = 0; i < 3; i++) {
      String id = room.disconnected.poll(10, TimeUnit.SECONDS);
      assertEquals(1000, room.closeCodes.get(id));
    }
  }
}
