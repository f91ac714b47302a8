package dev.cairn.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.cairn.core.model.RuntimeSetting;
import dev.cairn.core.model.SettingsView;
import dev.cairn.storage.CatalogStore;
import io.vertx.core.Future;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime settings of this process: loaded from the catalog at start and reloaded whenever any process
 * changes one (catalog notification), so a change takes effect everywhere without a restart. Reads never
 * block (a volatile snapshot).
 */
public final class LiveSettings implements SettingsView {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSettings.class);

  private final CatalogStore catalog;
  private volatile Map<RuntimeSetting, String> current = new EnumMap<>(RuntimeSetting.class);

  public LiveSettings(CatalogStore catalog) {
    this.catalog = catalog;
  }

  @Override
  public String get(RuntimeSetting setting) {
    String v = current.get(setting);
    return v == null ? setting.defaultValue() : v;
  }

  /** Reloads every setting from the catalog and applies the log level. Values that fail validation are ignored. */
  public Future<Void> reload() {
    return catalog.loadSettings().map(stored -> {
      Map<RuntimeSetting, String> next = new EnumMap<>(RuntimeSetting.class);
      stored.forEach((name, value) -> {
        RuntimeSetting s = RuntimeSetting.fromKey(name);
        if (s != null) {
          try {
            next.put(s, s.normalize(value));
          } catch (IllegalArgumentException e) {
            LOG.warn("ignoring stored setting {}: {}", name, e.getMessage());
          }
        }
      });
      current = next;
      applyLogLevel(get(RuntimeSetting.LOG_LEVEL));
      return null;
    });
  }

  private static void applyLogLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
