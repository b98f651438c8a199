package dev.chanx.gen.read;

/**
 * Reads one AsyncAPI major version into the version-neutral drafts: {@link V3DocumentReader} for
 * 3.x, {@link V2DocumentReader} for 2.x, which maps publish (clients send) to receive and
 * subscribe to send.
 */
interface DocumentReader {

  DocumentDraft read();
}
