package dev.cairn.server;

import dev.cairn.core.model.Operation;
import java.util.Locale;

/** Event-bus addresses. All traffic is local (one process); messages are records with identity codecs. */
public final class BusAddresses {
  private BusAddresses() {
  }

  /** Access-key lookup, served by {@link AuthVerticle}: body {@link CredentialLookup}, reply {@link Credential}. */
  public static final String AUTH_LOOKUP = "cairn.auth.lookup";

  /** Catalog changes from any process (published locally): body {@link dev.cairn.storage.CatalogChange}. */
  public static final String CATALOG_CHANGED = "cairn.catalog.changed";

  /** The address of an operation family: body {@link ApiCall}, reply {@link ApiReply}. */
  public static String family(Operation.Family family) {
    return "cairn.op." + family.name().toLowerCase(Locale.ROOT);
  }
}
