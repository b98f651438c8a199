package dev.chanx.server.presence;

import java.util.Map;

/**
 * Who is present in a scope.
 *
 * @param seq the number of the last event of the scope this includes, 0 when there was none
 * @param members each member's key and data (JSON text), in the order they came when the store knows it
 */
public record PresenceSnapshot(long seq, Map<String, String> members) {}
