package dev.chanx.server.testing;

/** The chat channel's typed path parameters. */
public record ChatPath(String groupName) {}
