using System.CommandLine;
using ArchPlan.Diagnostics.Rendering;

namespace ArchPlan.Cli.Commands;

/// <summary>Options and arguments several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Product() => new("--product")
    {
        Description = "Product slug to use when the plan names none (front matter 'product:' or apps/<product>/infra/cdk).",
    };

    public static Option<DiagnosticFormat> DiagnosticFormat() => new("--format")
    {
        Description = "Output format: text, json or github (workflow annotations).",
        DefaultValueFactory = _ => Diagnostics.Rendering.DiagnosticFormat.Text,
        CustomParser = result => ParseFormat(result.Tokens.Count == 0 ? "text" : result.Tokens[0].Value, result),
    };

    private static DiagnosticFormat ParseFormat(string value, System.CommandLine.Parsing.ArgumentResult result)
    {
        switch (value.ToLowerInvariant())
        {
            case "text":
                return Diagnostics.Rendering.DiagnosticFormat.Text;
            case "json":
                return Diagnostics.Rendering.DiagnosticFormat.Json;
            case "github":
                return Diagnostics.Rendering.DiagnosticFormat.GitHub;
            default:
                result.AddError($"'{value}' is not a format; use text, json or github.");
                return Diagnostics.Rendering.DiagnosticFormat.Text;
        }
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
}
