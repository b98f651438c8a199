package dev.chanx.example;

import dev.chanx.example.hub.HubHandler;
import dev.chanx.example.hub.HubPath;
import dev.chanx.example.hub.HubServerMessage;
import dev.chanx.example.hub.PingMessage;
import dev.chanx.example.hub.PongMessage;
import dev.chanx.server.channel.Connection;

/** The connection that carries the room topics: frames that name no topic get pong for ping. */
// tag::handler[]
public final class Hub implements HubHandler {

  @Override
  public PongMessage handleHubPing(PingMessage message, Connection<HubServerMessage, HubPath> connection) {
    return new PongMessage();
  }
}
// end::handler[]
