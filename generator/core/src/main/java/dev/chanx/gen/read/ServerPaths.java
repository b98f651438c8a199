package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path the servers put before every channel's address: a 3.x server's {@code pathname}, the
 * path of a 2.x server's {@code url} ({@code wss://example.com/v1} and {@code example.com/v1}
 * both give {@code /v1}), with server variables at their {@code default}. A channel is on the
 * servers its {@code servers} lists, else on all of them; when those agree, their path is put
 * before its address ({@code /v1} and {@code ws/chat/} give {@code /v1/ws/chat/}). When they do
 * not, no server is right for every client, so the channel stays at its own address and a warning
 * names the servers and what to change.
 */
final class ServerPaths {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

  private final ReadContext ctx;
  private final boolean v2;
  /** Each server's path ("" for none), by name, in document order. */
  private final Map<String, String> paths = new LinkedHashMap<>();
  /** Each server's canonical location, by name, to find the server a 3.x {@code $ref} names. */
  private final Map<String, String> locations = new LinkedHashMap<>();
  private boolean warnedAll;

  ServerPaths(ReadContext ctx, boolean v2) {
    this.ctx = ctx;
    this.v2 = v2;
    Location servers = ctx.root.at("/servers");
    for (String name : Nodes.keys(ctx.root.root(), "servers")) {
      RefResolver.Target server = ctx.refs.followAll(servers.child(name), RefKind.SERVER);
      if (server != null && server.node().isObject()) {
        paths.put(name, path(server.node()));
        locations.put(name, server.location().canonical());
      }
    }
  }

  /**
   * {@code address} under the path of the channel's servers, or as written when they have none
   * or disagree (a warning then says so).
   */
  String prefix(String channelKey, Location channel, String address) {
    if (address == null || paths.isEmpty()) {
      return address;
    }
    List<String> on = servers(channel);
    boolean listed = !on.isEmpty();
    if (!listed) {
      on = new ArrayList<>(paths.keySet());
    }
    Set<String> distinct = new LinkedHashSet<>();
    on.forEach(name -> distinct.add(paths.getOrDefault(name, "")));
    if (distinct.size() == 1) {
      return join(distinct.iterator().next(), address);
    }
    if (listed) {
      ctx.problems.warn(channel.child("servers"), "the servers of channel '" + channelKey + "' give it different"
          + " paths (" + describe(on) + "), so it is served at its own address '" + address + "'",
          "List only servers with the same pathname under the channel's servers.");
    } else if (!warnedAll) {
      warnedAll = true;
      ctx.problems.warn(ctx.root.at("/servers"), "the servers give different paths (" + describe(on)
          + "), so channels that do not list their servers are served at their own addresses",
          "List each channel's servers under its servers, or give the servers one pathname.");
    }
    return address;
  }

  /** {@code /v1} and {@code ws/chat/} → {@code /v1/ws/chat/}; no path: the address as written. */
  static String join(String path, String address) {
    if (path.isEmpty()) {
      return address;
    }
    return path + (address.startsWith("/") ? address : "/" + address);
  }

  /** The names of the servers a channel lists, or none when it lists none. */
  private List<String> servers(Location channel) {
    List<String> out = new ArrayList<>();
    JsonNode list = channel.node().get("servers");
    if (list == null || !list.isArray()) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (v2 && item.isTextual()) {
        out.add(item.asText());
      } else if (!v2 && RefResolver.isRef(item)) {
        RefResolver.Target server = ctx.refs.followAll(channel.child("servers").child(i), RefKind.SERVER);
        if (server != null) {
          locations.forEach((name, at) -> {
            if (at.equals(server.location().canonical())) {
              out.add(name);
            }
          });
        }
      }
    }
    return out;
  }

  private String describe(List<String> servers) {
    List<String> said = new ArrayList<>();
    for (String name : servers) {
      String path = paths.getOrDefault(name, "");
      said.add("'" + name + "': " + (path.isEmpty() ? "none" : "'" + path + "'"));
    }
    return String.join(", ", said);
  }

  /** The server's path without a trailing {@code /}: "" when it has none. */
  private String path(JsonNode server) {
    String path;
    if (v2) {
      String url = withDefaults(server, Nodes.text(server, "url"));
      if (url == null) {
        return "";
      }
      Matcher scheme = SCHEME.matcher(url);
      String rest = scheme.find() ? url.substring(scheme.end()) : url;
      int slash = rest.indexOf('/');
      path = slash < 0 ? "" : rest.substring(slash);
      path = path.replaceFirst("[?#].*$", "");
    } else {
      path = withDefaults(server, Nodes.text(server, "pathname"));
      if (path == null) {
        return "";
      }
      path = path.startsWith("/") ? path : "/" + path;
    }
    return path.replaceFirst("/+$", "");
  }

  /** {@code text} with each {@code {variable}} the server declares replaced by its default. */
  private static String withDefaults(JsonNode server, String text) {
    if (text == null) {
      return null;
    }
    JsonNode variables = server.path("variables");
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = Nodes.text(variables.path(m.group(1)), "default");
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
