using System.CommandLine;
using ArchPlan.Cli.Commands;

namespace ArchPlan.Cli;

/// <summary>The command line: parses arguments, runs one command, and turns every failure into an exit code.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>Runs archplan with <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("ArchPlan: turn architecture plans into AWS CDK code and keep the two in sync.");
        foreach (var command in CommandCatalog.Create(console))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"archplan: {error.Message}");
            }
            stderr.WriteLine("Run 'archplan --help' for usage.");
            return UsageError;
        }
        if (EmptyValue(parse.CommandResult) is { } empty)
        {
            // An empty path ("") means the current folder to some APIs and throws in others: refuse it up front.
            stderr.WriteLine($"archplan: {empty} is empty; give a path or value");
            return UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"archplan: {ex.Message}");
            return UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"archplan: {ex.Message}");
            return UsageError;
        }
    }

    /// <summary>The first argument or option given an empty string on the command line (<c>check ""</c>, <c>--output ""</c>).</summary>
    private static string? EmptyValue(System.CommandLine.Parsing.CommandResult command)
    {
        foreach (var child in command.Children)
        {
            switch (child)
            {
                case System.CommandLine.Parsing.ArgumentResult argument when argument.Tokens.Any(t => t.Value.Length == 0):
                    return $"the <{argument.Argument.Name}> argument";
                case System.CommandLine.Parsing.OptionResult option when option.Tokens.Any(t => t.Value.Length == 0):
                    return option.Option.Name;
                default:
                    break;
            }
        }
        return null;
    }
}

/// <summary>Thrown by a command for a usage problem (bad path, conflicting options); becomes exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
