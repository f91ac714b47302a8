package dev.cairn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cairn settings list|get|set}: runtime settings, applied on every server process without a restart. */
@Command(name = "settings", description = "List, read and change runtime settings of a running Cairn.",
    subcommands = {SettingsCommand.ListSettings.class, SettingsCommand.GetSetting.class,
        SettingsCommand.SetSetting.class})
public final class SettingsCommand {

  @Command(name = "list", description = "List every setting with its value and default.")
  static final class ListSettings implements Callable<Integer> {
    @Mixin ConnectionOptions conn;

    @Override
    public Integer call() throws Exception {
      return ManageCommand.run(conn, "GET", "/settings", null);
    }
  }

  @Command(name = "get", description = "Show one setting.")
  static final class GetSetting implements Callable<Integer> {
    @Mixin ConnectionOptions conn;
    @Parameters(index = "0") String name;

    @Override
    public Integer call() throws Exception {
      return ManageCommand.run(conn, "GET", "/settings/" + name, null);
    }
  }

  @Command(name = "set", description = "Change one setting on every server process.")
  static final class SetSetting implements Callable<Integer> {
    @Mixin ConnectionOptions conn;
    @Parameters(index = "0") String name;
    @Parameters(index = "1") String value;

    @Override
    public Integer call() throws Exception {
      return ManageCommand.run(conn, "PUT", "/settings/" + name, ManageCommand.JSON.createObjectNode().put("value", value));
    }
  }
}
