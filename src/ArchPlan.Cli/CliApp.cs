using System.CommandLine;
using System.CommandLine.Help;
using System.Reflection;
using ArchPlan.Cli.Commands;

namespace ArchPlan.Cli;

/// <summary>The command line: parses arguments, runs one command, and turns every failure into an exit code.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>The tool's version ("0.1.0"), as <c>--version</c> and SARIF output report it.</summary>
    public static string Version { get; } =
        (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>Runs archplan with <paramref name="args"/>, writing to the given writers (never a terminal); returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Terminal.None);

    /// <summary>Runs archplan; <paramref name="terminal"/> says whether the writers are a terminal (colour, wrapping).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdout, stderr, terminal);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors.", Recursive = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every note as well (generate summarises them as a count by default).", Recursive = true };
        var root = new RootCommand("ArchPlan: turn architecture plans into AWS CDK code and keep the two in sync.") { quiet, verbose };
        foreach (var command in CommandCatalog.Create(console))
        {
            root.Subcommands.Add(command);
        }
        HelpExamples.Add(root,
            "archplan check plans/",
            "archplan generate plans/payments.md --output .",
            "archplan diff plans/payments.md --against cdk.out",
            "archplan <command> --help");
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction action)
            {
                help.Action = new HelpWithExamples(action);
            }
        }

        var slip = CommandLineSlips.Find(root, args);
        if (slip is not null)
        {
            return Usage(console, slip);
        }
        // Bare 'archplan' (or only -q/-v) is a request for help, not a mistake.
        var parse = root.Parse(args.All(a => a is "-q" or "--quiet" or "-v" or "--verbose") ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            var name = parse.CommandResult.Command == root ? "archplan" : $"archplan {parse.CommandResult.Command.Name}";
            return Usage(console, $"{parse.Errors[0].Message.TrimEnd('.')}; run '{name} --help' for usage");
        }
        if (parse.GetValue(quiet) && parse.GetValue(verbose))
        {
            return Usage(console, "-q/--quiet and -v/--verbose cannot be used together");
        }
        console.Verbosity = parse.GetValue(quiet) ? Verbosity.Quiet : parse.GetValue(verbose) ? Verbosity.Verbose : Verbosity.Normal;
        if (EmptyValue(parse.CommandResult) is { } empty)
        {
            // An empty path ("") means the current folder to some APIs and throws in others: refuse it up front.
            return Usage(console, $"{empty} is empty; give a path or value");
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
            return Usage(console, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Usage(console, ex.Message);
        }
    }

    /// <summary>A usage error: one plain line on standard error, exit 2.</summary>
    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"archplan: {message.ReplaceLineEndings(" ")}");
        return UsageError;
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
