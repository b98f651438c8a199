package dev.chanx.server.layer;

/**
 * A group whose frames are kept for recovery.
 *
 * @param key the layer's key of the group, such as {@code chat/room1}
 * @param name the group's name on the wire (as the handler knows it), such as {@code room1}
 * @param history how much of its history to keep
 */
public record HistoryGroup(String key, String name, History history) {}
