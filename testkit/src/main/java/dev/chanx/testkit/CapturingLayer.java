package dev.chanx.testkit;

import dev.chanx.server.layer.ChannelLayer;
import dev.chanx.server.layer.InMemoryChannelLayer;
import dev.chanx.server.layer.LocalDelivery;
import dev.chanx.core.codec.TextFrame;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory channel layer, recording every broadcast and push that passes through it: give
 * it to a server ({@code .layer(layer)}) to see what reached groups and connections, with or
 * without clients connected. Group names are the layer's: {@code <channel>/<group>}.
 */
public final class CapturingLayer implements ChannelLayer {

  /**
   * One frame through the layer.
   *
   * @param groups the groups it went to (the layer's names); empty for a send to one connection
   * @param connectionId the connection it went to; null for a group send
   * @param excluded the connection left out of a group send, or null
   * @param text the frame as clients get it
   */
  public record Captured(Set<String> groups, String connectionId, String excluded, String text) {

    /**
     * {@return the frame parsed}
     */
    public Frame frame() {
      return Frame.of(text);
    }
  }

  // A push to a channel with event transforms travels behind one marker byte (ASCII RS).
  private static final char PUSH_MARKER = 0x1E;

  private final InMemoryChannelLayer layer = new InMemoryChannelLayer();
  private final List<Captured> captured = new CopyOnWriteArrayList<>();

  @Override
  public void start(LocalDelivery localDelivery) {
    layer.start(localDelivery);
  }

  @Override
  public CompletableFuture<Void> groupAdd(String group, String connectionId) {
    return layer.groupAdd(group, connectionId);
  }

  @Override
  public void groupDiscard(String group, String connectionId) {
    layer.groupDiscard(group, connectionId);
  }

  @Override
  public void groupSend(Collection<String> groups, TextFrame frame, String excludeConnectionId) {
    captured.add(new Captured(Set.copyOf(groups), null, excludeConnectionId, text(frame)));
    layer.groupSend(groups, frame, excludeConnectionId);
  }

  @Override
  public void send(String connectionId, TextFrame frame) {
    captured.add(new Captured(Set.of(), connectionId, null, text(frame)));
    layer.send(connectionId, frame);
  }

  /**
   * {@return everything through the layer so far, in order}
   */
  public List<Captured> captured() {
    return List.copyOf(captured);
  }

  /**
   * {@return the group sends to one group (such as {@code chat/room1}), in order}
   *
   * @param group the group's name
   */
  public List<Frame> sentTo(String group) {
    return captured.stream().filter(c -> c.groups().contains(group)).map(Captured::frame).toList();
  }

  /**
   * {@return the members of a group now}
   *
   * @param group the group's name
   */
  public Set<String> members(String group) {
    return layer.members(group);
  }

  /** Forgets what was captured. */
  public void clear() {
    captured.clear();
  }

  private static String text(TextFrame frame) {
    String text = frame.text();
    return !text.isEmpty() && text.charAt(0) == PUSH_MARKER ? text.substring(1) : text;
  }
}
