package dev.chanx.server.testing;

import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.testing.ChatMessages.ChatClientMessage;
import dev.chanx.server.testing.ChatMessages.ChatServerMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Where the test chat channel is served: {@code ws/chat/{group_name}/}, names of letters, digits, space, {@code _.-}. */
public final class ChatRoute implements ChannelRoute<ChatHandler, ChatClientMessage, ChatServerMessage, ChatPath> {

  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9 _.-]{1,40}");
  private static final ChatDispatcher DISPATCHER = new ChatDispatcher();

  private final String name;
  private final String address;

  private ChatRoute(String name, String address) {
    this.name = name;
    this.address = address;
  }

  /** The route as the document writes it. */
  public static ChatRoute create() {
    return new ChatRoute("chat", "ws/chat/{group_name}/");
  }

  /** The same channel under another name and address, for registration tests. */
  public static ChatRoute at(String name, String address) {
    return new ChatRoute(name, address);
  }

  @Override public String name() { return name; }

  @Override public String address() { return address; }

  @Override public List<String> parameterNames() { return address.contains("{") ? List.of("group_name") : List.of(); }

  @Override
  public ChatPath path(Map<String, String> raw) {
    String group = raw.getOrDefault("group_name", "lobby");
    if (!GROUP_NAME.matcher(group).matches()) {
      throw new IllegalArgumentException("group_name: string_pattern_mismatch");
    }
    return new ChatPath(group);
  }

  @Override public ChatDispatcher dispatcher() { return DISPATCHER; }
}
