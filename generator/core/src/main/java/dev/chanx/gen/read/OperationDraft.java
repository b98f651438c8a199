package dev.chanx.gen.read;

import dev.chanx.gen.model.Operation;
import java.util.List;

/** An operation as read; its messages get their tags when the channel's discriminator is known. */
record OperationDraft(
    String key,
    Operation.Action action,
    String title,
    String summary,
    String description,
    String pointer,
    List<MessageUse> messages,
    List<MessageUse> replies) {}
