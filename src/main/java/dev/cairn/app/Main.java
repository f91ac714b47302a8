package dev.cairn.app;

import dev.cairn.cli.InitCommand;
import dev.cairn.cli.ManageCommand;
import dev.cairn.cli.ServeCommand;
import dev.cairn.cli.SettingsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cairn} command line: {@code init}, {@code serve}, {@code manage}, {@code settings}. */
@Command(name = "cairn", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Main.VersionProvider.class,
    description = "DynamoDB and DynamoDB Streams on PostgreSQL.",
    subcommands = {InitCommand.class, ServeCommand.class, ManageCommand.class, SettingsCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args.length == 0 ? new String[] {"serve"} : args);
    if (code != 0 || args.length == 0 || !args[0].equals("serve")) {
      System.exit(code);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Reports {@link Version#get()}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cairn " + Version.get()};
    }
  }
}
