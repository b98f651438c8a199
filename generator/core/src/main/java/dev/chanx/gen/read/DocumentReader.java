package dev.chanx.gen.read;

/**
 * Reads one AsyncAPI major version into the version-neutral drafts. 3.x has its own; a 2.x
 * reader would map publish (clients send) to receive and subscribe to send.
 */
interface DocumentReader {

  DocumentDraft read();
}
