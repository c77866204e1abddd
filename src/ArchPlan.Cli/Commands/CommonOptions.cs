using System.CommandLine;
using System.CommandLine.Parsing;

namespace ArchPlan.Cli.Commands;

/// <summary>The values of <c>--format</c>, spelled one way (lowercase) in every command.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    GitHub,
    Sarif,
    Markdown,
}

/// <summary>Options and arguments several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Product() => new("--product")
    {
        Description = "Product slug to use when the plan names none (front matter 'product:' or apps/<product>/infra/cdk).",
    };

    /// <summary>
    /// The mode of a command that prints from code or keeps a plan in step with it (<c>tables</c>, <c>diagram</c>):
    /// <c>--write</c> and <c>--check</c> exclude each other, and either needs <c>--plan</c>.
    /// </summary>
    public static (string? Plan, bool Write, bool Check) PlanMode(ParseResult parse, Option<string?> plan, Option<bool> write, Option<bool> check)
    {
        var (planPath, doWrite, doCheck) = (parse.GetValue(plan), parse.GetValue(write), parse.GetValue(check));
        if (doWrite && doCheck)
        {
            throw new UsageException("--write and --check cannot be used together");
        }
        if ((doWrite || doCheck) && planPath is null)
        {
            throw new UsageException($"{(doWrite ? "--write" : "--check")} needs --plan <plan.md>");
        }
        return (planPath, doWrite, doCheck);
    }

    /// <summary>Diagnostics formats: text, json, github, sarif.</summary>
    public static Option<OutputFormat> DiagnosticFormat() =>
        Format("Output format: text (default), json (docs/json-output.md), github (workflow annotations) or sarif (SARIF 2.1.0, for code scanning).",
            OutputFormat.Text, OutputFormat.Json, OutputFormat.GitHub, OutputFormat.Sarif);

    /// <summary>A <c>--format</c> option accepting <paramref name="allowed"/>, in any letter case.</summary>
    public static Option<OutputFormat> Format(string description, params OutputFormat[] allowed)
    {
        var names = string.Join('|', allowed.Select(Name));
        return new Option<OutputFormat>("--format")
        {
            Description = description,
            HelpName = names,
            CustomParser = result => ParseFormat(result.Tokens.Count == 0 ? "text" : result.Tokens[0].Value, allowed, names, result),
        };
    }

    /// <summary>The one spelling of a format, as help and messages show it.</summary>
    public static string Name(OutputFormat format) => format switch
    {
        OutputFormat.GitHub => "github",
        _ => format.ToString().ToLowerInvariant(),
    };

    private static OutputFormat ParseFormat(string value, OutputFormat[] allowed, string names, ArgumentResult result)
    {
        // Older spellings (GitHub, Json, md) are still understood.
        var wanted = value.ToLowerInvariant() switch
        {
            "md" => "markdown",
            var other => other,
        };
        foreach (var format in allowed)
        {
            if (Name(format) == wanted)
            {
                return format;
            }
        }
        result.AddError($"'{value}' is not a format here; use {names}");
        return OutputFormat.Text;
    }

    /// <summary>Expands folders into the Markdown plans they contain (sorted, so output is stable).</summary>
    public static IReadOnlyList<string> ExpandPlans(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // Linked folders are not entered: a link to a parent would loop.
                var found = Common.InputFolders.Files(path, "*.md")
                    .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (found.Count == 0)
                {
                    throw new UsageException($"folder '{path}' contains no .md plans");
                }
                files.AddRange(found);
            }
            else
            {
                files.Add(path);
            }
        }
        return files;
    }

    /// <summary>An argument as a shell would take it back: quoted when it holds spaces or shell characters.</summary>
    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '@' or '+' or '=' or ',')
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
