using System.Text;
using ArchPlan.Reading;
using ArchPlan.Tables;
using static ArchPlan.Tests.Tables.Infra;

namespace ArchPlan.Tests.Tables;

/// <summary>Every plan the repository holds (samples, reader fixtures, the bad-input corpus) survives a rewrite of its tables.</summary>
public sealed class TableCorpusTests
{
    public static TheoryData<string> Plans()
    {
        var root = RepoPaths.Root();
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.md")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests/ArchPlan.Tests/TestFiles/plans"), "*.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests/ArchPlan.Tests/TestFiles/bad"), "plan.md", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Rewriting_the_tables_keeps_everything_else_and_is_stable(string relative)
    {
        var path = Path.Combine(RepoPaths.Root(), relative);
        var bytes = File.ReadAllBytes(path);
        var read = PlanReader.ReadBytes(bytes, relative);
        if (read.Value is null)
        {
            return; // not text: the command exits 2 before splicing
        }
        var hasBom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = Encoding.UTF8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var plan = read.Value;

        // Every variable gets a new value and one is added, so every variables table is rewritten.
        var code = Stack([Lambda("Fn", [.. plan.Variables.Select(v => v.Name).Distinct().Take(20).Select(n => Var(n, Literal("changed|value"))), Var("ARCHPLAN_PROBE", Literal("1"))])],
            secrets: [.. plan.Secrets.Select(s => s.Name).Distinct(), "probe/secret"]);
        var model = TableModel.From(code).Value!;

        var once = TableSplicer.Splice(text, plan, model).Value!;
        var replan = PlanReader.Parse(once, relative).Value!;
        var twice = TableSplicer.Splice(once, replan, model).Value!;

        Assert.Equal(once, twice);
        if (read.Diagnostics.Any(d => d.Id == "AP1001"))
        {
            // Markdown the reader could not parse is never rewritten.
            Assert.Equal(text, once);
        }
        if (plan.Tables.Count > 0)
        {
            var first = plan.Tables.Min(t => t.Start);
            var last = plan.Tables.Max(t => t.Start + t.Length);
            Assert.Equal(text[..first], once[..first]);
            var after = text[last..];
            // A missing table may be inserted after the last one; whatever follows it stays as it was.
            Assert.EndsWith(after.Length > 200 ? after[^200..] : after, once, StringComparison.Ordinal);
            Assert.Contains(replan.Variables, v => v.Name == "ARCHPLAN_PROBE");
        }
        if (text.Contains("\r\n", StringComparison.Ordinal) && !text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal))
        {
            Assert.DoesNotContain('\n', once.Replace("\r\n", "", StringComparison.Ordinal));
        }
        Assert.Equal(text.EndsWith('\n'), once.EndsWith('\n'));
    }
}
