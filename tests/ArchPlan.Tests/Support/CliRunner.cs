using ArchPlan.Cli;

namespace ArchPlan.Tests.Support;

/// <summary>Runs archplan in-process with captured output, as a user would from a shell.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return new Result(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs archplan as if both output streams were a terminal <paramref name="width"/> columns wide.</summary>
    public static Result RunOnTerminal(int width, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, new Terminal(OutIsTerminal: true, ErrorIsTerminal: true, width));
        return new Result(exit, output.ToString(), error.ToString());
    }
}
