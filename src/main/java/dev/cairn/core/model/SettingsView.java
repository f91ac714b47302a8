package dev.cairn.core.model;

/** Read access to the current runtime settings; implementations are thread-safe and never block. */
public interface SettingsView {
  /** The current value of a setting, its default when never set. */
  String get(RuntimeSetting setting);

  /** The current value as a long. */
  default long getLong(RuntimeSetting setting) {
    return Long.parseLong(get(setting));
  }

  /** The current value as a boolean. */
  default boolean getBoolean(RuntimeSetting setting) {
    return Boolean.parseBoolean(get(setting));
  }
}
