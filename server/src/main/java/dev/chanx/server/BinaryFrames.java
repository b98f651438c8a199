package dev.chanx.server;

import dev.chanx.core.message.BinaryMessage;
import dev.chanx.core.message.Message;

/**
 * Where binary messages may go: to one connection ({@code Connection.send}, a handler's reply),
 * not through the channel layer, which carries text frames to groups and other nodes.
 */
final class BinaryFrames {

  private BinaryFrames() {}

  /** {@return the message, when it is not binary data} */
  static <M extends Message> M notBinary(M message) {
    if (message instanceof BinaryMessage) {
      throw new IllegalArgumentException(message.getClass().getSimpleName() + " is binary data: send it to one"
          + " connection with Connection.send; groups and publishers carry text frames only");
    }
    return message;
  }
}
