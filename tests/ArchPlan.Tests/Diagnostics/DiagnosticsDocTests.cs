using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics.md is generated from the catalog by <see cref="Render"/>: this test fails when the file is missing an
/// id or differs in any way, and rewrites it when ARCHPLAN_ACCEPT=1 (review the diff, then commit it).
/// </summary>
public sealed partial class DiagnosticsDocTests
{
    private static string DocPath => Path.Combine(RepoPaths.Root, "docs", "diagnostics.md");

    /// <summary>Every descriptor of the catalog, whether a field or a property.</summary>
    private static IReadOnlyList<DiagnosticDescriptor> Catalog =>
        [.. typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .Concat(typeof(DiagnosticCatalog).GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
                .Select(p => (DiagnosticDescriptor)p.GetValue(null)!))
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal)];

    [GeneratedRegex("\"(AP\\d{4})\"")]
    private static partial Regex IdLiteral();

    [Fact]
    public void Every_id_written_in_the_diagnostics_sources_is_in_the_doc()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "ArchPlan.Core", "Diagnostics"), "*.cs", SearchOption.AllDirectories);
        var ids = sources.SelectMany(f => IdLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        Assert.True(ids.Count > 100, $"only {ids.Count} ids found");
        var doc = File.Exists(DocPath) ? File.ReadAllText(DocPath).ReplaceLineEndings("\n") : "";
        var missing = ids.Where(id => !doc.Contains($"\n### {id}\n", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"docs/diagnostics.md is missing {string.Join(", ", missing)}");
        Assert.Equal(ids.Order(StringComparer.Ordinal), Catalog.Select(d => d.Id));
    }

    [Fact]
    public void The_doc_lists_every_diagnostic_id_and_is_up_to_date()
    {
        var expected = Render(Catalog);
        if (Golden.Accepting)
        {
            File.WriteAllText(DocPath, expected);
        }
        var actual = File.Exists(DocPath) ? File.ReadAllText(DocPath).ReplaceLineEndings("\n") : "";
        var missing = Catalog.Select(d => d.Id).Where(id => !actual.Contains($"\n### {id}\n", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/diagnostics.md is missing {string.Join(", ", missing)}; run the tests with ARCHPLAN_ACCEPT=1 to regenerate it.");
        Assert.True(expected == actual, "docs/diagnostics.md is out of date with the catalog; run this test with ARCHPLAN_ACCEPT=1 to regenerate it.");
    }

    [Fact]
    public void Every_section_has_an_example_message_and_the_fix()
    {
        var doc = Render(Catalog);
        foreach (var descriptor in Catalog)
        {
            var start = doc.IndexOf($"\n### {descriptor.Id}\n", StringComparison.Ordinal);
            var end = doc.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
            var section = end < 0 ? doc[start..] : doc[start..end];
            Assert.Contains("\nExample: ", section);
            Assert.Contains("\nFix: ", section);
        }
    }

    [GeneratedRegex(@"\{(\d+)(,[^}:]*)?(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A message or help format with its arguments shown as ‹1›, ‹2›: what the user sees, with the blanks marked.</summary>
    private static string Example(string format) =>
        Placeholder().Replace(format.Replace("{{", "\u0001", StringComparison.Ordinal).Replace("}}", "\u0002", StringComparison.Ordinal),
                m => $"‹{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}›")
            .Replace('\u0001', '{').Replace('\u0002', '}');

    private static string Code(string text)
    {
        var fence = text.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{text}{pad}{fence}";
    }

    private static string Prose(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Stage(string id) => id[2] switch
    {
        '1' => "AP1xxx: reading plans",
        '2' => "AP2xxx: validating plans",
        '3' => "AP3xxx: generating apps",
        '4' => "AP4xxx: infrastructure and drift (diff)",
        '5' => "AP5xxx: configuration tables",
        '9' => "AP9xxx: input files and usage",
        _ => $"AP{id[2]}xxx",
    };

    internal static string Render(IReadOnlyList<DiagnosticDescriptor> catalog)
    {
        var text = new StringBuilder();
        text.Append("# Diagnostics\n\n")
            .Append("<!-- Generated from src/ArchPlan.Core/Diagnostics/DiagnosticCatalog.*.cs by tests/ArchPlan.Tests/Diagnostics/DiagnosticsDocTests.cs.\n")
            .Append("     Do not edit: run that test with ARCHPLAN_ACCEPT=1 after changing the catalog. -->\n\n")
            .Append("Every diagnostic ArchPlan reports, by id: its severity, its message (‹1›, ‹2› mark what the message fills in)\n")
            .Append("and the fix. Text output prints them as `file(line,col): error AP1005: message` with the fix on a `help:` line;\n")
            .Append("`--format sarif` links each rule here (`helpUri`). Errors make `check`, `generate` and `diff` exit 1.\n\n")
            .Append(CultureInfo($"{catalog.Count} diagnostics.\n"));
        foreach (var stage in catalog.GroupBy(d => Stage(d.Id)))
        {
            text.Append(CultureInfo($"\n## {stage.Key}\n"));
            foreach (var d in stage)
            {
                text.Append(CultureInfo($"\n### {d.Id}\n\n"))
                    .Append(CultureInfo($"**{Prose(d.Title)}** ({d.DefaultSeverity.ToString().ToLowerInvariant()})\n\n"))
                    .Append(CultureInfo($"Example: {Code(Example(d.MessageFormat))}\n\n"))
                    .Append(CultureInfo($"Fix: {Prose(Example(d.HelpFormat))}\n"));
            }
        }
        return text.ToString();
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);
}
