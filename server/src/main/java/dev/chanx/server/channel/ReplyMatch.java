package dev.chanx.server.channel;

import dev.chanx.core.message.Message;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the reply to a request the server sends a client is recognised among what that client sends:
 * by the {@code ref} the request carries (Chanx's way, the default), or by a correlation id the
 * document locates ({@code correlationId: $message.payload#/envelope_id}), which the request
 * carries and the reply repeats. Generated {@code <Channel>Requests} make these; the connection
 * uses them.
 *
 * @param reply the reply typed as the caller expects it, or null when a message is not that reply
 * @param pointer the JSON pointer of the correlation id in both frames, such as {@code
 *     /envelope_id}; null to match by a fresh {@code ref}
 * @param <R> the type of the reply
 */
public record ReplyMatch<R>(Function<? super Message, ? extends R> reply, String pointer) {

  /**
   * Checks that there is a way to type the reply.
   *
   * @param reply the reply typed as the caller expects it, or null when a message is not that reply
   * @param pointer the JSON pointer of the correlation id in both frames; null to match by {@code ref}
   */
  public ReplyMatch {
    Objects.requireNonNull(reply, "reply");
  }

  /**
   * {@return a match by a fresh {@code ref} that the request carries and the reply repeats}
   *
   * @param reply the reply typed as the caller expects it, or null when a message is not that reply
   * @param <R> the type of the reply
   */
  public static <R> ReplyMatch<R> byRef(Function<? super Message, ? extends R> reply) {
    return new ReplyMatch<>(reply, null);
  }

  /**
   * {@return a match by the value both frames hold at {@code pointer}: no {@code ref} is sent}
   *
   * @param reply the reply typed as the caller expects it, or null when a message is not that reply
   * @param pointer the JSON pointer of the correlation id in both frames, such as {@code /envelope_id}
   * @param <R> the type of the reply
   */
  public static <R> ReplyMatch<R> byCorrelation(Function<? super Message, ? extends R> reply, String pointer) {
    return new ReplyMatch<>(reply, Objects.requireNonNull(pointer, "pointer"));
  }
}
