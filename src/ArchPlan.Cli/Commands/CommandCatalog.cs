using System.CommandLine;

namespace ArchPlan.Cli.Commands;

/// <summary>Every archplan command, each built in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return NewCommand.Create(console);
        yield return CheckCommand.Create(console);
        yield return ShowCommand.Create(console);
        yield return GenerateCommand.Create(console);
        yield return DiffCommand.Create(console);
        yield return TablesCommand.Create(console);
        yield return DiagramCommand.Create(console);
    }
}
