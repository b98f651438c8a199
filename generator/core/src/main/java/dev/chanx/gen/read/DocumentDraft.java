package dev.chanx.gen.read;

import java.util.List;

/** A document as read, whatever its AsyncAPI version: what the model is assembled from. */
record DocumentDraft(
    String asyncapiVersion,
    String title,
    String version,
    String description,
    List<ChannelDraft> channels) {}
