package dev.chanx.gen.read;

/**
 * A message as a channel lists it: the key it has there, and where that entry is written (for
 * problems about the message on this channel).
 */
record MessageUse(String key, Location entry, MessageDraft message) {}
