package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.Schema;
import java.util.List;

/**
 * A message object as read, before its channel's discriminator gives it a tag. One draft per
 * message object, however many channels list it.
 */
record MessageDraft(
    String name,
    String title,
    String summary,
    String description,
    String pointer,
    Schema payload,
    List<JsonNode> examples,
    String correlationId,
    String contentType) {}
