package dev.chanx.testkit;

import dev.chanx.core.message.Message;
import dev.chanx.server.ChannelPublisher;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A publisher that records pushes instead of sending them, for unit tests of code that pushes
 * (a scheduled job, an HTTP endpoint): hand it to that code in place of the server's.
 *
 * @param <S> what the server may send on the channel
 */
public final class CapturingPublisher<S extends Message> implements ChannelPublisher<S> {

  /**
   * One push.
   *
   * @param message what was pushed
   * @param connectionId the connection it went to, or null for a push to groups
   * @param groups the groups it went to; empty for a push to one connection
   */
  public record Push<S>(S message, String connectionId, Set<String> groups) {}

  private final List<Push<S>> pushes = new CopyOnWriteArrayList<>();

  @Override
  public void send(String connectionId, S message) {
    pushes.add(new Push<>(message, connectionId, Set.of()));
  }

  @Override
  public void broadcast(S message, Collection<String> groups) {
    pushes.add(new Push<>(message, null, Set.copyOf(groups)));
  }

  /**
   * {@return every push so far, in order}
   */
  public List<Push<S>> pushes() {
    return List.copyOf(pushes);
  }

  /**
   * {@return the messages pushed so far, in order}
   */
  public List<S> messages() {
    return pushes.stream().map(Push::message).toList();
  }

  /** Forgets every push. */
  public void clear() {
    pushes.clear();
  }
}
