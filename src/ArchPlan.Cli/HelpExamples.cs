using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace ArchPlan.Cli;

/// <summary>The examples each command's <c>--help</c> ends with.</summary>
internal static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    /// <summary>Gives <paramref name="command"/> the example command lines its help shows.</summary>
    public static void Add(Command command, params string[] examples) => Examples.AddOrUpdate(command, examples);

    public static IReadOnlyList<string> For(Command command) => Examples.TryGetValue(command, out var examples) ? examples : [];
}

/// <summary>The standard help, followed by the command's examples.</summary>
internal sealed class HelpWithExamples(HelpAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exit = standard.Invoke(parseResult);
        var examples = HelpExamples.For(parseResult.CommandResult.Command);
        if (examples.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine($"  {example}");
            }
            output.WriteLine();
        }
        return exit;
    }
}
