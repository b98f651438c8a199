package dev.chanx.server.presence;

/**
 * A member came to a scope or left it.
 *
 * @param scope the scope, such as {@code chat/room1}
 * @param seq the event's number, growing in its scope (a store may number all scopes together): a
 *     snapshot with {@code seq} n includes every event of its scope up to n and none after
 * @param join true when the member came, false when it left
 * @param key the member's key
 * @param data the member's data, as JSON text
 */
public record PresenceEvent(String scope, long seq, boolean join, String key, String data) {}
