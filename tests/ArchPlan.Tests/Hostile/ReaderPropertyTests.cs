using System.Text;
using ArchPlan.Reading;
using CsCheck;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// Random plans built from the grammar of real plans: headings, tables with random columns and hostile cells.
/// The reader must never throw, and every diagnostic must point inside the file.
/// Runs 10,000 plans; set ARCHPLAN_PROPERTY_ITERATIONS=100000 for the long run.
/// </summary>
public sealed class ReaderPropertyTests
{
    internal static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("ARCHPLAN_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : 10_000;

    private static readonly string[] Headings =
    [
        "Configuration", "Environment Variables", "Secrets", "Secrets (AWS Secrets Manager)", "AWS Resources", "Infrastructure (CDK/Terraform)",
        "CDK Stack Structure", "Production", "Staging", "API", "Worker", "CI Secrets", "Cost Analysis", "Overview", "Configuration ##",
    ];

    private static readonly string[] Headers =
    [
        "Variable", "Name", "Key", "Env Var", "Description", "Purpose", "Example", "Default", "Value", "Required", "Mandatory", "Secret Name",
        "Secret", "Format", "Type", "Shape", "Used by", "Handler / File", "Environment", "Stage", "dev", "staging", "prod", "Gate", "Cost", "???",
    ];

    private static readonly string[] Fragments =
    [
        "\"", "\\", "\\|", "|", "*/", "/*", "{{ x }}", "{% raw %}", "`code`", "_(from RDS)_", "_(Secrets Manager)_", "**bold**", "[link](http://x)",
        "\u2028", "\u2029", "\u0085", "\u202E", "\u200B", "\t", "\u0001", "\u001B[31m", "é", "日本", "🙂", "\uD83D", "AKIA", "DB_HOST", "[product]",
        "yes", "No", "✓", "-", "", " ", "<br>", "&amp;", "apps/x/infra/cdk", "daily at 10:00 AM UTC", "cron(0 10 * * ? *)", "Lambda", "S3 bucket",
    ];

    private static Gen<string> Pick(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Cell = Pick(Fragments).Array[0, 4].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Table =
        Gen.Int[1, 7].SelectMany(columns =>
            Gen.Select(
                Pick(Headers).Array[columns],
                Cell.Array[0, columns + 2].Array[0, 6],
                (headers, rows) =>
                {
                    var text = new StringBuilder();
                    text.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
                    text.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns))).Append('\n');
                    foreach (var row in rows)
                    {
                        text.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
                    }
                    return text.ToString();
                }));

    private static readonly Gen<string> Block = Gen.OneOf(
        Gen.Select(Gen.Int[1, 4], Pick(Headings), (level, heading) => new string('#', level) + " " + heading + "\n"),
        Table,
        Cell.Array[1, 5].Select(items => string.Concat(items.Select(i => "- " + i + "\n"))),
        Cell.Array[1, 3].Select(items => string.Concat(items.Select((item, index) => $"{index + 1}. **Lambda Function** `{item}` — Python 3.12\n"))),
        Cell.Select(c => "```\napps/" + c + "/infra/cdk/\n```\n"),
        Cell.Select(c => c + "\n"));

    private static readonly Gen<string> FrontMatter = Gen.OneOf(
        Gen.Const(""),
        Cell.Array[0, 4].Select(values => "---\n" + string.Concat(values.Select((v, i) => $"{(i % 2 == 0 ? "title" : "product")}: {v}\n")) + "---\n"),
        Gen.Const("---\ntitle: [Brief Title]\nstatus: active # c\n---\n"),
        Gen.Const("\uFEFF---\ntitle: x\n---\n"),
        Gen.Const("---\ntitle: x\n"));

    internal static readonly Gen<string> Plan = Gen.Select(FrontMatter, Block.Array[0, 14], Gen.Bool,
        (front, blocks, crlf) =>
        {
            var text = front + "\n" + string.Join("\n", blocks);
            return crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
        });

    [Fact]
    public void The_reader_never_throws_and_every_diagnostic_points_into_the_file()
    {
        Plan.Sample(text =>
        {
            var result = PlanReader.Parse(text, "random.md");
            var lines = text.Split('\n').Length;
            foreach (var d in result.Diagnostics)
            {
                if (d.Location.Line < 0 || d.Location.Line > lines + 1)
                {
                    return false;
                }
            }
            return result.Value is not null;
        }, iter: Iterations);
    }

    [Fact]
    public void Reading_bytes_never_throws_on_random_bytes()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var result = PlanReader.ReadBytes(bytes, "random.bin");
            return result.Value is not null || result.Diagnostics.Length > 0;
        }, iter: Iterations / 10);
    }
}
