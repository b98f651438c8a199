package dev.chanx.gen.model;

/**
 * A parameter of a channel address, such as {@code group_name} in {@code ws/chat/{group_name}/}.
 *
 * @param name the parameter's name as written in the address
 * @param description the parameter's description, or null
 * @param schema the values it may take (a string schema, possibly with an enum); never null
 */
public record Parameter(String name, String description, Schema schema) {}
