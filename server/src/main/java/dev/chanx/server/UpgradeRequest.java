package dev.chanx.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The WebSocket upgrade request of a client joining a channel, as an {@link Authenticator} sees it. */
public interface UpgradeRequest {

  /**
   * {@return the name of the channel asked for, such as {@code chat}}
   */
  String channel();

  /**
   * {@return the decoded request path, such as {@code /ws/chat/room1/}}
   */
  String path();

  /**
   * {@return the URL-decoded path parameters by the names the address gives them, such as {@code
   * group_name}}
   */
  Map<String, String> pathParameters();

  /**
   * One path parameter by its name in the address.
   *
   * @param name the name to look up
   * @return the parameter's value, if any
   */
  default Optional<String> pathParameter(String name) {
    return Optional.ofNullable(pathParameters().get(name));
  }

  /**
   * {@return every query parameter with all its values}
   */
  Map<String, List<String>> queryParameters();

  /**
   * The first value of a query parameter.
   *
   * @param name the name to look up
   * @return the first value, if any
   */
  default Optional<String> queryParameter(String name) {
    List<String> values = queryParameters().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The first value of a header, matched case-insensitively.
   *
   * @param name the name to look up
   * @return the first value, if any
   */
  Optional<String> header(String name);

  /**
   * The value of a cookie sent with the request.
   *
   * @param name the name to look up
   * @return the cookie's value, if any
   */
  Optional<String> cookie(String name);
}
