package dev.chanx.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as a container other than this server's own Jetty hands it to a
 * {@link ChannelHost}: enough of it to decide whether it upgrades to a channel's WebSocket.
 */
public interface HostRequest {

  /**
   * {@return the request path as sent, still URL-encoded, such as {@code /ws/chat/room%201/}}
   */
  String rawPath();

  /**
   * {@return the request path URL-decoded, such as {@code /ws/chat/room 1/}}
   */
  String decodedPath();

  /**
   * {@return every query parameter with all its values, in the order sent}
   *
   * @throws IllegalArgumentException when the query string is not URL-encoded right
   */
  Map<String, List<String>> query();

  /**
   * {@return every header with all its values; names in any case}
   */
  Map<String, List<String>> headers();

  /**
   * {@return the user the container already authenticated (Spring Security's principal, say),
   * which becomes the connection's principal unless the channel's authenticator names one}
   */
  Optional<Object> principal();
}
