package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of a channel whose reader does not hold their whole schema (see {@link
 * ContractCoverage}), each checked against a compiled {@code JsonSchema} constant of {@code owner}
 * when it is read ({@code NEW_ORDER_FRAME}: the schema of message {@code new_order}'s frame; the
 * named schemas it refers to are {@code <NAME>_SCHEMA}); those the reader holds have none.
 *
 * @param owner the generated class that holds the constants, {@code <C>Schemas}; null when none is needed
 * @param constants the constant of each such message, by {@link #key(Message)}, in document order
 * @param schemas the document's named schemas, which the contracts refer to
 */
record ContractPlan(ClassName owner, Map<String, String> constants, Map<String, Schema> schemas) {

  ContractPlan {
    constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
  }

  /** Plans the contracts of the messages read on a channel; {@code owner} is named only when needed. */
  static ContractPlan of(List<Message> read, Map<String, Schema> schemas, java.util.function.Supplier<ClassName> owner) {
    return of(read, schemas, m -> false, owner);
  }

  /**
   * Plans the contracts as {@link #of(List, Map, java.util.function.Supplier)} does, and also of the
   * messages {@code unheld} names, whose reader does not hold their schema whatever it says.
   */
  static ContractPlan of(List<Message> read, Map<String, Schema> schemas, java.util.function.Predicate<Message> unheld,
      java.util.function.Supplier<ClassName> owner) {
    Names names = Names.members(List.of());
    Map<String, String> constants = new LinkedHashMap<>();
    for (Message m : read) {
      if (!constants.containsKey(key(m)) && m.payload().contract() != null
          && (unheld.test(m) || !ContractCoverage.readerHolds(m.payload().contract(), schemas))) {
        constants.put(key(m), names.allocate(Names.upperSnake(m.key(), "MESSAGE") + "_FRAME"));
      }
    }
    return new ContractPlan(constants.isEmpty() ? null : owner.get(), constants, schemas);
  }

  /** The constant to check a message against, or null when its reader holds its schema. */
  String constant(Message m) {
    return constants.get(key(m));
  }

  boolean isEmpty() {
    return constants.isEmpty();
  }

  private static String key(Message m) {
    return m.pointer() + "\n" + m.key();
  }
}
