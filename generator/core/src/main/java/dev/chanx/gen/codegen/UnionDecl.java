package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A sealed interface for a {@code oneOf}/{@code anyOf} of objects, permitting one record per
 * branch. With a discriminator the branch is chosen by its constant; otherwise the first branch
 * that reads without errors wins.
 */
final class UnionDecl extends Decl {

  private final List<RecordDecl> branches = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();
  private String discriminator;

  UnionDecl(ClassName name, Schema schema, List<String> doc) {
    super(name, schema, doc);
  }

  List<RecordDecl> branches() {
    return branches;
  }

  /** The discriminator property, or null when branches are tried in order. */
  String discriminator() {
    return discriminator;
  }

  /** Each branch's constant for the discriminator, in branch order; empty without one. */
  List<String> tags() {
    return tags;
  }

  void addBranch(RecordDecl branch) {
    branches.add(branch);
  }

  void discriminate(String property, List<String> branchTags) {
    discriminator = property;
    tags.clear();
    tags.addAll(branchTags);
  }
}
