package dev.chanx.client;

import dev.chanx.core.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * Answers one frame of the server's: sends a message back with the frame's {@code ref}, when it
 * had one, so that the server matches it to its request.
 *
 * @param <C> the type of the messages the client sends
 */
@FunctionalInterface
public interface Answer<C extends Message> {

  /**
   * Sends the reply.
   *
   * @param reply what to send back
   * @return completes once the frame has been handed to the socket
   */
  CompletableFuture<Void> send(C reply);
}
