package dev.chanx.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;

/** An upgrade request as authenticators see it, over what the connection keeps of it anyway. */
final class HandshakeRequest implements UpgradeRequest {

  private final String channel;
  private final Map<String, String> pathParameters;
  private final UpgradeInfo upgrade;

  HandshakeRequest(String channel, Map<String, String> pathParameters, UpgradeInfo upgrade) {
    this.channel = channel;
    this.pathParameters = Map.copyOf(pathParameters);
    this.upgrade = upgrade;
  }

  @Override public String channel() { return channel; }

  @Override public String path() { return upgrade.path(); }

  @Override public Map<String, String> pathParameters() { return pathParameters; }

  @Override public Map<String, List<String>> queryParameters() { return upgrade.query(); }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(upgrade.headers().get(name));
  }

  @Override
  public Optional<String> cookie(String name) {
    for (String header : upgrade.headers().getValuesList(HttpHeader.COOKIE)) {
      String value = Cookies.find(header, name);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "UpgradeRequest[" + channel + " " + upgrade.path() + "]";
  }
}
