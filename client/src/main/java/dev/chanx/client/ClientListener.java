package dev.chanx.client;

import dev.chanx.core.message.ValidationError;
import java.util.List;

/**
 * What happens to a client's connection, apart from the typed messages that a generated listener
 * adds. Every method does nothing unless overridden. Methods are called one at a time, on the
 * client's thread, in the order things happened; they should return quickly.
 */
public interface ClientListener {

  /** A connection opened: the first one, or one made again after a reconnect. */
  default void onOpen() {}

  /**
   * The connection closed, by either side or because it broke (1006).
   *
   * @param statusCode the close status code, such as 1000 or 1001
   * @param reason the reason the closing side gave, possibly empty
   */
  default void onClose(int statusCode, String reason) {}

  /**
   * The server sent an {@code error} frame that answers no pending request.
   *
   * @param error the error frame
   */
  default void onError(ErrorFrame error) {}

  /**
   * The server sent a frame that is none of the channel's messages, such as a completion frame or
   * one that fails its message's schema.
   *
   * @param frame the frame's text
   * @param problems why it could not be read as any message
   */
  default void onUnreadable(String frame, List<ValidationError> problems) {}

  /**
   * The connection broke, or an attempt to connect again failed.
   *
   * @param failure why the connection broke or the attempt failed
   */
  default void onFailure(Throwable failure) {}

  /**
   * The server told how recovering a group went, on a channel whose group sends are recoverable:
   * once per joined group after each connect, and again if the group's history is lost while
   * connected. The client presents its positions and takes the missed frames by itself; only a
   * {@linkplain Recovery#failed() failed} recovery needs the application, which may have missed frames.
   *
   * @param recovery the group's outcome
   */
  default void onRecovery(Recovery recovery) {}
}
