package dev.chanx.example;

import dev.chanx.example.room.NewChatMessage;
import dev.chanx.example.room.PingMessage;
import dev.chanx.example.room.PongMessage;
import dev.chanx.example.room.RoomHandler;
import dev.chanx.example.room.RoomParams;
import dev.chanx.example.room.RoomServerMessage;
import dev.chanx.server.channel.Connection;

/**
 * The chat as the topic {@code room:{room_name}}: a message goes to every subscriber of its
 * room, the sender included, as Chanx's {@code Topic.broadcast} does.
 */
// tag::topic[]
public final class RoomTopicChat implements RoomHandler {

  @Override
  public boolean authorize(RoomParams room, Connection<RoomServerMessage, RoomParams> subscription) {
    // Rooms whose name starts with "private-" are closed to everyone in this example.
    return !room.roomName().startsWith("private-");
  }

  @Override
  public NewChatMessage handleRoomMessage(NewChatMessage message,
      Connection<RoomServerMessage, RoomParams> subscription) {
    subscription.broadcast(message);
    return null;
  }

  @Override
  public PongMessage handleRoomPing(PingMessage message, Connection<RoomServerMessage, RoomParams> subscription) {
    return new PongMessage();
  }
}
// end::topic[]
