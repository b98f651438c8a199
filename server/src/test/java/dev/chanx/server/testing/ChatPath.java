package dev.chanx.runtime.testing;

/** The chat channel's typed path parameters. */
public record ChatPath(String groupName) {}
