/**
 * An application's dosing code, on the module path. Its API shows mmf types (a model, a regimen, a
 * profile), so it passes on readability of both mmf modules to its own users.
 */
module org.example.dosing {
  requires transitive io.mmf.core;
  // mmf-pk is an automatic module (a stable name from its manifest); see mmf's
  // docs/decisions/module-names.md. javac's lints for requiring one are off in this pom.
  requires transitive io.mmf.pk;

  exports org.example.dosing;
}
