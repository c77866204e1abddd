using System.Text;
using ArchPlan.Diagnostics;
using ArchPlan.Pipeline;
using ArchPlan.Reading;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Corpus;

/// <summary>
/// The bad-plan corpus (TestFiles/bad/NNN-name/): each plan is checked, and the diagnostics it produces are
/// golden output in the case's <c>diagnostics.golden</c>. Re-accept with ARCHPLAN_ACCEPT=1 after an intended change.
/// </summary>
public sealed class BadPlanCorpusTests
{
    private static string Folder => Path.Combine(RepoPaths.TestFiles, "bad");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal))
        {
            if (PlanFile(dir) is not null)
            {
                data.Add(Path.GetFileName(dir));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_plan_gives_its_golden_diagnostics(string name)
    {
        var dir = Path.Combine(Folder, name);
        var plan = PlanFile(dir)!;
        var result = PlanLoader.Load(plan);
        var actual = Render(result.Diagnostics, plan);

        var golden = Path.Combine(dir, "diagnostics.golden");
        if (Golden.Accepting || !File.Exists(golden))
        {
            File.WriteAllText(golden, actual);
            Assert.True(Golden.Accepting, $"{golden} was missing and has been written; review and commit it.");
        }
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_case_expected_to_fail_fails_and_one_expected_to_pass_passes(string name)
    {
        var dir = Path.Combine(Folder, name);
        var expect = File.ReadAllLines(Path.Combine(dir, "expect.txt"));
        var expectsError = expect.Any(l => l.StartsWith("error", StringComparison.Ordinal));
        var expectsNothing = !expect.Any(l => l.StartsWith("error", StringComparison.Ordinal) || l.StartsWith("warning", StringComparison.Ordinal) || l.StartsWith("may:", StringComparison.Ordinal));
        var result = PlanLoader.Load(PlanFile(dir)!);

        if (expectsNothing)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        }
        else if (expectsError)
        {
            Assert.Contains(result.Diagnostics, d => d.IsError);
        }
        else if (expect.Any(l => l.StartsWith("warning", StringComparison.Ordinal)))
        {
            // Expected to pass with a warning: no error, and the warning is there.
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Warning);
        }
    }

    [Fact]
    public void A_50_MB_plan_is_refused_with_a_message_not_read()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "huge.md");
        using (var stream = File.Create(path))
        {
            var line = Encoding.UTF8.GetBytes("| `VAR` | padding padding padding padding | `x` | Yes |\n");
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length)
            {
                stream.Write(line);
            }
        }

        var result = PlanLoader.Load(path);

        Assert.Null(result.Value);
        var refused = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.FileTooLarge.Id, refused.Id);
        Assert.Contains(ReadOptions.MaxPlanBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), refused.Message);
    }

    private static string? PlanFile(string dir) =>
        Directory.EnumerateFiles(dir).Where(f => Path.GetFileName(f) is not ("expect.txt" or "diagnostics.golden")).Order(StringComparer.Ordinal).FirstOrDefault();

    private static string Render(IEnumerable<Diagnostic> diagnostics, string plan)
    {
        var text = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var where = d.Location.HasPosition ? $"{d.Location.Line}:{d.Location.Column}" : "file";
            text.Append($"{d.Severity.ToString().ToLowerInvariant()} {d.Id} {where} {d.Message.Replace(plan, Path.GetFileName(plan), StringComparison.Ordinal)}\n");
        }
        return text.ToString();
    }
}
