package dev.chanx.gen.read;

/** What a {@code $ref} is expected to reach, so that a broken one can say where to point it. */
enum RefKind {
  SCHEMA("schema", "#/components/schemas"),
  MESSAGE("message", "#/components/messages"),
  CHANNEL("channel", "#/channels"),
  OPERATION("operation", "#/components/operations"),
  PARAMETER("parameter", "#/components/parameters"),
  REPLY("reply", "#/components/replies"),
  CORRELATION_ID("correlation id", "#/components/correlationIds"),
  BINDINGS("bindings object", "#/components/channelBindings"),
  MESSAGE_TRAIT("message trait", "#/components/messageTraits"),
  SERVER("server", "#/servers");

  final String noun;
  final String usualPlace;

  RefKind(String noun, String usualPlace) {
    this.noun = noun;
    this.usualPlace = usualPlace;
  }
}
