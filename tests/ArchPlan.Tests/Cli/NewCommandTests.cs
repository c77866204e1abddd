using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Model;
using ArchPlan.Reading;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Cli;

/// <summary><c>archplan new</c>, run in-process on the real file system.</summary>
public sealed partial class NewCommandTests
{
    private static string Today => DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (CliRunner.Result Result, string Path) New(TempFolder temp, params string[] extra)
    {
        var output = Path.Combine(temp.Path, "plans");
        var result = CliRunner.Run(["new", "payments", "--output", output, .. extra]);
        return (result, Path.Combine(output, "payments.md"));
    }

    [Fact]
    public void Writes_a_plan_with_the_product_todays_date_status_active_and_the_title()
    {
        using var temp = new TempFolder();
        var (result, path) = New(temp, "--title", "Payments API");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("created " + path, result.Out, StringComparison.Ordinal);

        var plan = PlanReader.Read(path).Value!;
        Assert.Equal("payments", plan.Product);
        Assert.Equal(ProductOrigin.FrontMatter, plan.ProductOrigin);
        Assert.Equal("Payments API", plan.FrontMatter.Title);
        Assert.Equal("active", plan.FrontMatter.Status);
        Assert.Equal(Today, plan.FrontMatter.Date);
        Assert.StartsWith("---\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("\n# Payments API\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_CSharp_stack_structure_and_an_example_row_of_each_value_syntax()
    {
        using var temp = new TempFolder();
        var (result, path) = New(temp);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var text = File.ReadAllText(path);

        Assert.Contains("apps/payments/infra/cdk/", text, StringComparison.Ordinal);
        foreach (var file in new[] { "cdk.json", "package.json", "Payments.sln", "Payments.csproj", "Program.cs", "PaymentsStack.cs", "PaymentsStack.g.cs", "PlanSettings.g.cs" })
        {
            Assert.Contains(file, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(".ts", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[product]", text, StringComparison.Ordinal);
        Assert.Equal("PaymentsStack.cs", PlanReader.Read(path).Value!.StackFileName);

        // The example rows sit in an HTML comment: shown to the author, never read as variables.
        var comment = ExampleRows().Match(text);
        Assert.True(comment.Success, text);
        Assert.Contains("_(from payments-records)_", comment.Value, StringComparison.Ordinal);
        Assert.Contains("_(Secrets Manager)_", comment.Value, StringComparison.Ordinal);
        Assert.Contains("`debug` (dev), `info` (prod)", comment.Value, StringComparison.Ordinal);
        Assert.Equal(["LOG_LEVEL"], PlanReader.Read(path).Value!.Variables.Select(v => v.Name));
    }

    [Fact]
    public void The_new_plan_passes_check_but_for_its_placeholders_each_reported_as_one()
    {
        using var temp = new TempFolder();
        var (_, path) = New(temp, "--title", "Payments API");
        var check = CliRunner.Run("check", path);
        Assert.Equal(1, check.ExitCode);
        var findings = check.Out.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(findings);
        // Every error is an unfilled placeholder; the one warning is the empty resource list the placeholder stands in.
        Assert.All(findings, l => Assert.True(l.Contains("error AP2001:", StringComparison.Ordinal) || l.Contains("warning AP1303:", StringComparison.Ordinal), l));
        Assert.Contains(findings, l => l.Contains("'[List of AWS resources to be created]'", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, l => l.Contains("Brief Title", StringComparison.Ordinal) || l.Contains("YYYY-MM-DD", StringComparison.Ordinal));
    }

    [Fact]
    public void Filled_in_the_new_plan_checks_clean_and_generates_an_app_with_every_example_value()
    {
        using var temp = new TempFolder();
        var (_, path) = New(temp, "--title", "Payments API");
        File.WriteAllText(path, FillIn(File.ReadAllText(path)));

        var check = CliRunner.Run("check", path);
        Assert.True(check.ExitCode == 0, check.Out + check.Error);

        var output = Path.Combine(temp.Path, "out");
        var generate = CliRunner.Run("generate", path, "--output", output);
        Assert.True(generate.ExitCode == 0, generate.Out + generate.Error);
        var app = Path.Combine(output, "apps", "payments", "infra", "cdk");
        var stack = File.ReadAllText(Path.Combine(app, "src", "Payments", "PaymentsStack.g.cs"));
        foreach (var variable in new[] { "RECORDS_TABLE", "DB_PASSWORD", "MAX_BATCH", "LOG_LEVEL", "PARTNER_API_URL" })
        {
            Assert.Contains(variable, stack, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(Path.Combine(app, "src", "Payments", "PaymentsStack.cs")));
        Assert.True(File.Exists(Path.Combine(app, "package.json")));
    }

    [Fact]
    public void Refuses_to_overwrite_an_existing_plan_and_leaves_it_as_it_was()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "plans", "payments.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "my own words\n");

        var (result, _) = New(temp);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}: error AP3180: '{path}' already exists", result.Out, StringComparison.Ordinal);
        Assert.Equal("my own words\n", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(path)!));
    }

    [Theory]
    [InlineData("Payments API", "payments-api")]
    [InlineData("../etc", "etc")]
    [InlineData("con", "my-product")]
    public void Refuses_a_product_that_is_not_a_slug_and_writes_nothing(string product, string suggestion)
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("new", product, "--output", temp.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error AP3181: '{product}' is not a valid product slug", result.Out, StringComparison.Ordinal);
        Assert.Contains($"for example '{suggestion}'", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Writes_to_the_path_given_when_it_ends_in_md_and_keeps_a_title_with_yaml_syntax_intact()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "docs", "architecture", "plan.md");
        var result = CliRunner.Run("new", "orders", "--title", "Orders: v2 #1 \"fast\"", "--output", path);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var plan = PlanReader.Read(path).Value!;
        Assert.Equal("Orders: v2 #1 \"fast\"", plan.FrontMatter.Title);
        Assert.Equal("orders", plan.Product);
    }

    [Fact]
    public void A_title_on_several_lines_is_refused()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run("new", "orders", "--title", "one\ntwo", "--output", temp.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error AP3182:", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    /// <summary>
    /// What an author does: every placeholder replaced with text, the example resources and example rows taken out of
    /// their comments into the list and the table.
    /// </summary>
    private static string FillIn(string text)
    {
        var resources = ExampleResources().Match(text);
        Assert.True(resources.Success, text);
        var items = string.Join('\n', resources.Groups["items"].Value.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)));
        text = text.Replace(resources.Value, "", StringComparison.Ordinal)
            .Replace("[List of AWS resources to be created]", items, StringComparison.Ordinal);

        var rows = ExampleRows().Match(text);
        var examples = rows.Groups["rows"].Value.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| `LOG_LEVEL`", StringComparison.Ordinal));
        text = text.Replace(rows.Value, "", StringComparison.Ordinal);
        var logLevel = text.Split('\n').Single(l => l.StartsWith("| `LOG_LEVEL`", StringComparison.Ordinal));
        text = text.Replace(logLevel, logLevel + "\n" + string.Join('\n', examples), StringComparison.Ordinal);

        text = Placeholder().Replace(text, m => m.Groups[1].Value.Trim() is "" or "x" or "X" ? m.Value : "Filled in " + m.Groups[1].Value);
        return Amount().Replace(text, "$10");
    }

    [GeneratedRegex(@"<!-- One example row of each value syntax[^\n]*\n(?<rows>.*?)-->\n", RegexOptions.Singleline)]
    private static partial Regex ExampleRows();

    [GeneratedRegex(@"<!-- One item per resource[^\n]*\n(?<items>.*?)-->\n", RegexOptions.Singleline)]
    private static partial Regex ExampleResources();

    /// <summary>Bracketed template text that is not a link (<c>[text](url)</c>).</summary>
    [GeneratedRegex(@"\[([^\[\]\n]+)\](?!\()")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![\w$])\$[A-Z](?!\w)")]
    private static partial Regex Amount();
}
