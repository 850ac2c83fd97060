package dev.mlbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mlbench} command: one subcommand per job. */
@Command(name = "mlbench", mixinStandardHelpOptions = true, versionProvider = Mlbench.Version.class,
    description = "Benchmark ML model serving as serverless, container and VM deployments.",
    subcommands = {dev.mlbench.cli.local.LocalCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Mlbench {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Mlbench()).execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Mlbench.class.getPackage().getImplementationVersion();
      return new String[] {"mlbench " + (version == null ? "development build" : version)};
    }
  }
}
