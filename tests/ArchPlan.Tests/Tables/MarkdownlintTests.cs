using System.Diagnostics;
using ArchPlan.Tables;
using static ArchPlan.Tests.Tables.Infra;

namespace ArchPlan.Tests.Tables;

/// <summary>Runs only when markdownlint-cli2 is installed (<c>npm install</c> at the repository root; .ci/run does it).</summary>
public sealed class MarkdownlintFactAttribute : FactAttribute
{
    public MarkdownlintFactAttribute()
    {
        if (!File.Exists(MarkdownlintTests.Cli))
        {
            Skip = $"markdownlint-cli2 is not installed ({MarkdownlintTests.Cli} is missing): run 'npm install' at the repository root.";
        }
    }
}

/// <summary>The tables ArchPlan writes pass markdownlint's table rules (MD055, MD056, MD058, MD060 aligned).</summary>
public sealed class MarkdownlintTests
{
    public static string Cli { get; } = Path.Combine(RepoPaths.Root(), "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");

    [MarkdownlintFact]
    public void Written_plans_pass_markdownlints_table_rules()
    {
        var dir = Directory.CreateTempSubdirectory("archplan-lint-").FullName;
        try
        {
            // Every rule tagged "table", and MD060 held to the aligned style the renderer promises.
            File.WriteAllText(Path.Combine(dir, ".markdownlint.json"), """{ "default": false, "table": true, "MD060": { "style": "aligned" } }""");
            var blockquote = File.ReadAllText(Path.Combine(RepoPaths.Root(), "tests/ArchPlan.Tests/TestFiles/plans/28-table-inside-blockquote.md"));
            var outputs = new Dictionary<string, string>
            {
                ["added.md"] = TableSplicerTests.Splice(Plans.Current, TableSplicerTests.CurrentCode(Var("FEATURE_X", Literal("on")), Var("PIPES", Literal("a|b||c")))),
                ["crlf.md"] = TableSplicerTests.Splice(Plans.Current.Replace("\n", "\r\n", StringComparison.Ordinal), TableSplicerTests.CurrentCode(Var("WIDE", Literal("値段")))),
                ["removed.md"] = TableSplicerTests.Splice(Plans.Current, TableSplicerTests.CodeWith([Var("PAGE_SIZE", Literal("5"))], ["orders/api-key", "orders/db"])),
                ["kept.md"] = TableSplicerTests.Splice(Plans.Current, TableSplicerTests.CodeWith([Var("PAGE_SIZE", Literal("5"))]), new TablesOptions(KeepRemoved: true)),
                ["inserted.md"] = TableSplicerTests.Splice(Plans.WithoutConfiguration, TableSplicerTests.CurrentCode()),
                ["quoted.md"] = TableSplicerTests.Splice(blockquote, Stack([Lambda("Fn", Var("PAGE_SIZE", Literal("50")), Var("NEW_ONE", Literal("x|y")))])),
                ["template.md"] = "# Tables\n\n" + TableRenderer.RenderTemplate(TableModel.From(TableSplicerTests.CurrentCode(Var("PIPES", Literal("|")))).Value!),
            };
            foreach (var (name, text) in outputs)
            {
                File.WriteAllText(Path.Combine(dir, name), text);
            }

            var (exit, output) = RunMarkdownlint(dir, [.. outputs.Keys]);

            Assert.True(exit == 0, "markdownlint-cli2 reported problems:\n" + output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [MarkdownlintFact]
    public void The_lint_run_fails_on_a_misaligned_table()
    {
        // Proves the check above can fail: the plan's own out-of-line PAGE_SIZE row breaks MD060.
        var dir = Directory.CreateTempSubdirectory("archplan-lint-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, ".markdownlint.json"), """{ "default": false, "table": true, "MD060": { "style": "aligned" } }""");
            File.WriteAllText(Path.Combine(dir, "stale.md"), Plans.Current);

            var (exit, output) = RunMarkdownlint(dir, ["stale.md"]);

            Assert.NotEqual(0, exit);
            Assert.Contains("MD060", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Exit, string Output) RunMarkdownlint(string dir, string[] files)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Cli);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
