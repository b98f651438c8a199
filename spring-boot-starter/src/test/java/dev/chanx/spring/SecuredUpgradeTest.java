package dev.chanx.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawHttp;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security in front of a channel: an unauthenticated upgrade is refused before upgrading,
 * and the authenticated user becomes the connection's principal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecuredUpgradeTest {

  private static final String[] HANDSHAKE = {"Upgrade: websocket", "Connection: Upgrade",
      "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};

  @LocalServerPort
  int port;
  @Autowired
  ChatRoom room;

  /** An application whose channels need a signed-in user (HTTP Basic, one user). */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    ChatRoom chatRoom() {
      return new ChatRoom();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.requestMatchers("/ws/**").authenticated()
              .anyRequest().permitAll())
          .httpBasic(Customizer.withDefaults())
          .build();
    }

    @Bean
    UserDetailsService users() {
      return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}secret").roles("USER").build());
    }
  }

  @Test
  void anUnauthenticatedUpgradeIsRefusedWith401BeforeUpgrading() throws Exception {
    RawHttp.Answer answer = RawHttp.get(port, "/ws/chat/room1/", HANDSHAKE);
    assertEquals(401, answer.status());
    assertFalse(answer.headers().contains("Sec-WebSocket-Accept"));
    RawHttp.Answer wrong = RawHttp.get(port, "/ws/chat/room1/", with(basic("alice", "wrong")));
    assertEquals(401, wrong.status());
    assertFalse(wrong.headers().contains("Sec-WebSocket-Accept"));
  }

  @Test
  void theAuthenticatedUserIsTheConnectionsPrincipal() throws Exception {
    room.connected.clear();
    HttpClient http = HttpClient.newHttpClient();
    java.net.http.WebSocket socket = http.newWebSocketBuilder()
        .header("Authorization", basic("alice", "secret").substring("Authorization: ".length()))
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat/room1/"), new java.net.http.WebSocket.Listener() {})
        .get(10, TimeUnit.SECONDS);
    try {
      Connection<ChatServerMessage, ChatPath> connection = room.connected.poll(10, TimeUnit.SECONDS);
      Principal principal = connection.<Principal>principal().orElseThrow();
      assertEquals("alice", principal.getName());
    } finally {
      socket.abort();
    }
  }

  private static String basic(String user, String password) {
    return "Authorization: Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] with(String header) {
    String[] lines = java.util.Arrays.copyOf(HANDSHAKE, HANDSHAKE.length + 1);
    lines[HANDSHAKE.length] = header;
    return lines;
  }
}
