package dev.chanx.gen;

/**
 * One file of generated output.
 *
 * @param relativePath where it goes under the output folder, with {@code /} separators, such as
 *     {@code com/example/chat/ChatHandler.java}
 * @param content the file's text
 */
public record GeneratedFile(String relativePath, String content) {}
