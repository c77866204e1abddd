using System.Diagnostics;
using System.Text;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// The CommonMark reference implementation's pathological inputs, pasted into a plan's Configuration
/// section: each must finish within 4 s with a plan or a clean diagnostic, never an exception.
/// </summary>
public sealed class PathologicalMarkdownTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(4);

    public static TheoryData<string> Cases => new()
    {
        "nested strong emphasis",
        "emphasis closers without openers",
        "emphasis openers without closers",
        "link closers without openers",
        "link openers without closers",
        "mismatched openers and closers",
        "link openers and emphasis closers",
        "nested brackets",
        "nested block quotes",
        "deeply nested lists",
        "huge backtick runs",
        "unclosed links",
        "many link reference definitions",
        "many pipe rows without separator",
        "a table with thousands of columns",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reader_finishes_in_time_with_a_plan_or_a_diagnostic(string name)
    {
        var text = "---\ntitle: Pathological\nstatus: active\nproduct: patho\n---\n\n# Plan\n\n## Configuration\n\n### Environment Variables\n\n" + Body(name) + "\n";
        Assert.True(text.Length < ReadOptions.MaxPlanBytes, $"{name} must stay under the size cap to reach the parser");

        var clock = Stopwatch.StartNew();
        var result = PlanReader.Parse(text, "patho.md");
        clock.Stop();

        Assert.True(clock.Elapsed < Limit, $"{name} took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.Value is not null || result.Diagnostics.Length > 0);
        Assert.All(result.Diagnostics, d => Assert.Equal("patho.md", d.Location.File));
    }

    private static string Body(string name) => name switch
    {
        "nested strong emphasis" => Repeat("*a **a ", 65_000) + "b" + Repeat(" a** a*", 65_000),
        "emphasis closers without openers" => Repeat("a_ ", 65_000),
        "emphasis openers without closers" => Repeat("_a ", 65_000),
        "link closers without openers" => Repeat("a]", 65_000),
        "link openers without closers" => Repeat("[a", 65_000),
        "mismatched openers and closers" => Repeat("*a_ ", 50_000),
        "link openers and emphasis closers" => Repeat("[ a_", 50_000),
        "nested brackets" => Repeat("[", 50_000) + "a" + Repeat("]", 50_000),
        "nested block quotes" => Repeat(">", 50_000) + " a",
        "deeply nested lists" => string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i * 2) + "* a\n")),
        "huge backtick runs" => string.Concat(Enumerable.Range(1, 1_000).Select(i => "e" + new string('`', i))),
        "unclosed links" => Repeat("[a](<b", 30_000) + Repeat("[a](b", 30_000),
        "many link reference definitions" => string.Concat(Enumerable.Range(0, 50_000).Select(i => $"[a{i}]: u\n")),
        "many pipe rows without separator" => Repeat("| a | b |\n", 50_000),
        "a table with thousands of columns" => Repeat("| h ", 5_000) + "|\n" + Repeat("| --- ", 5_000) + "|\n" + Repeat("| `X` ", 5_000) + "|\n",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
