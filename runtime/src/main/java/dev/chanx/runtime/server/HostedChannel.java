package dev.chanx.runtime.server;

import dev.chanx.runtime.channel.ChannelHandler;
import dev.chanx.runtime.channel.ChannelRoute;
import dev.chanx.runtime.message.Message;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/** One channel served by this server: its route, the user's handler and its compiled address. */
final class HostedChannel<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> {

  private final ChannelRoute<H, C, S, P> route;
  private final H handler;
  private final AddressTemplate template;
  private final String groupPrefix;
  private final PushDelivery<H, S, P> pushes;

  HostedChannel(ChannelRoute<H, C, S, P> route, H handler) {
    this.route = route;
    this.handler = handler;
    this.template = AddressTemplate.compile(route.address());
    this.groupPrefix = groupPrefix(route.name());
    this.pushes = new PushDelivery<>(route.name(), route.events(), handler);
    if (!template.names().equals(route.parameterNames())) {
      throw new IllegalArgumentException("channel " + route.name() + ": address " + route.address()
          + " has parameters " + template.names() + " but the route declares " + route.parameterNames());
    }
  }

  /** The layer's key prefix for this channel's groups; channel names cannot contain '/'. */
  static String groupPrefix(String channelName) {
    if (channelName.isEmpty() || channelName.indexOf('/') >= 0) {
      throw new IllegalArgumentException("not a valid channel name: " + channelName);
    }
    return channelName + "/";
  }

  String name() {
    return route.name();
  }

  /** Whether pushes to this channel pass through event transforms, so travel marked through the layer. */
  boolean transformsPushes() {
    return pushes.transforms();
  }

  AddressTemplate template() {
    return template;
  }

  /**
   * Converts the path parameters and returns what Jetty calls to create the socket's endpoint.
   *
   * @throws IllegalArgumentException when a parameter does not fit the route
   */
  WebSocketCreator creator(Map<String, String> rawParameters, Node node, Guard guard, boolean compression) {
    P path = route.path(rawParameters);
    return (request, response, callback) -> {
      if (!compression) {
        response.setExtensions(List.of());
      }
      ChanxConnection<S, P> connection =
          new ChanxConnection<>(node.ids.next(), node, groupPrefix, path, UpgradeInfo.of(request));
      connection.pushes(pushes);
      FramePipeline<H, C, S, P> pipeline = new FramePipeline<>(route.dispatcher(), handler, guard);
      return new ChannelEndpoint(new ChannelSocket<>(connection, handler, pipeline, node.connections, guard));
    };
  }
}
