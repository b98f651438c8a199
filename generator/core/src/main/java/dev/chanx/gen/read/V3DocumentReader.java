package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an AsyncAPI 3.0 or 3.1 document: info, channels, then operations onto their channels. */
final class V3DocumentReader implements DocumentReader {

  private final ReadContext ctx;

  V3DocumentReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public DocumentDraft read() {
    JsonNode root = ctx.root.root();
    JsonNode info = InfoReader.read(ctx);
    Map<String, ChannelDraft> channels = new LinkedHashMap<>();
    ServerPaths servers = new ServerPaths(ctx, false);
    for (String key : Nodes.keys(root, "channels")) {
      ChannelDraft channel = ChannelReader.read(ctx, key, servers);
      if (channel != null) {
        channels.put(key, channel);
      }
    }
    OperationReader operations = new OperationReader(ctx, channels);
    Nodes.keys(root, "operations").forEach(operations::read);
    return new DocumentDraft(root.path("asyncapi").asText(), info.path("title").asText(null),
        info.path("version").asText(null), Nodes.text(info, "description"), new ArrayList<>(channels.values()));
  }
}
