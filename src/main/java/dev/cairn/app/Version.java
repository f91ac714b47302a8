package dev.cairn.app;

/** Cairn's version, from the jar manifest ({@code Implementation-Version}), "dev" when run from classes. */
public final class Version {
  private Version() {
  }

  public static String get() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
