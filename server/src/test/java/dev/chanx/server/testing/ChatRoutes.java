package dev.chanx.server.testing;

import dev.chanx.server.channel.ChannelEvents;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.testing.chat.ChatClientMessage;
import dev.chanx.server.testing.chat.ChatDispatcher;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The generated chat channel ({@link ChatRoute}) under another name and address, for tests that
 * register it more than once or somewhere else, with room names limited to letters, digits, space
 * and {@code _.-}: an AsyncAPI 3 parameter has no schema, so the document cannot say that itself.
 * An address without {@code {group_name}} puts every connection in room {@code lobby}.
 */
public final class ChatRoutes {

  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9 _.-]{1,40}");
  private static final ChatRoute CHAT = ChatRoute.create();

  private ChatRoutes() {}

  /**
   * The chat channel as {@code name} at {@code address}.
   *
   * @param name the channel's name
   * @param address where it is served; its only placeholder, if any, is taken for the room name
   * @return the route
   */
  public static ChannelRoute<ChatHandler, ChatClientMessage, ChatServerMessage, ChatPath> at(
      String name, String address) {
    List<String> parameterNames = address.contains("{") ? List.of("group_name") : List.of();
    return new ChannelRoute<>() {
      @Override public String name() { return name; }

      @Override public String address() { return address; }

      @Override public List<String> parameterNames() { return parameterNames; }

      @Override
      public ChatPath path(Map<String, String> raw) {
        String group = raw.getOrDefault("group_name", "lobby");
        if (!GROUP_NAME.matcher(group).matches()) {
          throw new IllegalArgumentException("group_name: string_pattern_mismatch");
        }
        return CHAT.path(Map.of("group_name", group));
      }

      @Override public ChatDispatcher dispatcher() { return CHAT.dispatcher(); }

      @Override public ChannelEvents<ChatHandler, ChatServerMessage, ChatPath> events() { return CHAT.events(); }
    };
  }
}
