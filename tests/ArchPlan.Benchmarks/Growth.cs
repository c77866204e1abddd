using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArchPlan.Infrastructure;
using ArchPlan.Pipeline;
using ArchPlan.Reading;
using ArchPlan.Tables;

namespace ArchPlan.Benchmarks;

/// <summary>
/// <c>AP_GROWTH=5000,10000,20000 --probe</c>: how reading a configuration table and <c>tables</c> grow with rows and
/// with distinct variables. Each size runs once or a few times (the quadratic builds took minutes at 20,000); the
/// ratio per doubling is what to look at: about 2 is linear, about 4 quadratic. CPU time is printed too, since a
/// machine shared with other builds stretches wall time.
/// </summary>
internal static class Growth
{
    public static void Run(IReadOnlyList<int> sizes)
    {
        var folder = Workspace.Create("growth");
        foreach (var (shape, header, row) in Shapes)
        {
            Sweep($"read a configuration table ({shape})", sizes, size =>
            {
                var path = Path.Combine(folder, $"{shape}-{size}.md");
                File.WriteAllText(path, Plan(size, header, row));
                return () => Expect(PlanReader.Read(path), size);
            });
            Sweep($"check a configuration table ({shape})", sizes, size =>
            {
                var path = Path.Combine(folder, $"{shape}-{size}.md");
                return () => Expect(PlanLoader.Load(path), size);
            });
        }
        // Rows scoped to their own function ("Used by" `fn-12`), one function per five rows: check used to compare
        // every scope entry with every resource (quadratic: 4,000 rows took 4 s, 8,000 twice as long again).
        Sweep("check scoped rows (a function per five rows)", sizes, size =>
        {
            var path = Path.Combine(folder, $"scoped-{size}.md");
            File.WriteAllText(path, ScopedPlan(size));
            return () => Expect(PlanLoader.Load(path), size);
        });
        // tables: a function with N distinct variables; the plan documents all of them with other values (every cell
        // refreshed), or none of them (every row added).
        Sweep("tables --check, every value changed", sizes, size =>
        {
            var (model, plan, text) = TablesCase(folder, size, planRows: size);
            return () => TableSplicer.Splice(text, plan, model);
        });
        Sweep("tables --check, every row added", sizes, size =>
        {
            var (model, plan, text) = TablesCase(folder, size, planRows: 1);
            return () => TableSplicer.Splice(text, plan, model);
        });
        Sweep("tables model (template → rows)", sizes, size =>
        {
            var template = Template(folder, size);
            var infra = InfrastructureReader.Read(template).Value!;
            return () => TableModel.From(infra);
        });
        Directory.Delete(folder, recursive: true);
    }

    private static readonly (string Shape, string Header, Func<int, string> Row)[] Shapes =
    [
        ("template columns", "| Variable | Description | Example | Required |\n| --- | --- | --- | --- |\n",
            i => $"| `SETTING_{i}` | Setting number {i} | `value-{i}` | {(i % 2 == 0 ? "Yes" : "No")} |\n"),
        ("values per environment, from resources", "| Variable | Description | dev | prod | Used by |\n| --- | --- | --- | --- | --- |\n",
            i => i % 3 == 0
                ? $"| `STORE_{i}` | Bucket {i} | _(from S3 bucket)_ | _(from S3 bucket)_ | `worker` |\n"
                : $"| `SETTING_{i}` | Setting {i} | `d{i}` | `p{i}` | `worker` |\n"),
    ];

    private static string Plan(int rows, string header, Func<int, string> row)
    {
        var text = new StringBuilder("---\ntitle: Growth\ndate: 2026-01-15\nstatus: active\nauthor: Bench Mark\nproduct: growth\n---\n\n# Growth\n\n")
            .Append("## Infrastructure\n\n### AWS Resources\n\n- **Lambda Function** `worker` — Python 3.12, 512 MB\n- **S3 Bucket** `store`\n\n")
            .Append("## Configuration\n\n### Environment Variables\n\n").Append(header);
        for (var i = 0; i < rows; i++)
        {
            text.Append(row(i));
        }
        return text.ToString();
    }

    private static string ScopedPlan(int rows)
    {
        var functions = Math.Max(1, rows / 5);
        var text = new StringBuilder("---\ntitle: Growth\ndate: 2026-01-15\nstatus: active\nauthor: Bench Mark\nproduct: growth\n---\n\n# Growth\n\n")
            .Append("## Infrastructure\n\n### AWS Resources\n\n");
        for (var f = 0; f < functions; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **Lambda Function** `fn-{f}` — Python 3.13, 512 MB\n");
        }
        text.Append("\n## Configuration\n\n### Environment Variables\n\n| Variable | Description | Default | Used by |\n| --- | --- | --- | --- |\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `SETTING_{i}` | Setting {i} | `v{i}` | `fn-{i % functions}` |\n");
        }
        return text.ToString();
    }

    /// <summary>A sweep that times a refusal measures nothing: every size must read all its rows, and check find no error.</summary>
    private static object Expect(object result, int rows)
    {
        var (plan, errors) = result switch
        {
            ArchPlan.Diagnostics.StageResult<ArchPlan.Model.Plan> read => (read.Value, read.Diagnostics.Count(d => d.Severity == ArchPlan.Diagnostics.Severity.Error)),
            _ => throw new InvalidOperationException("unexpected result " + result.GetType()),
        };
        if (plan is null || plan.Variables.Count != rows)
        {
            throw new RefusedException($"read {plan?.Variables.Count ?? 0} of {rows} rows ({errors} errors); not timed");
        }
        return result;
    }

    private static string Template(string folder, int variables)
    {
        var path = Path.Combine(folder, $"template-{variables}.json");
        var json = new StringBuilder("{\"Resources\":{\"WorkerFunction1A2B3C4D\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":{\"Runtime\":\"python3.12\",")
            .Append("\"Handler\":\"index.handler\",\"Role\":\"arn:aws:iam::123456789012:role/worker\",\"Code\":{\"ZipFile\":\"x\"},\"Environment\":{\"Variables\":{");
        for (var i = 0; i < variables; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"SETTING_{i}\":\"code-{i}\"");
        }
        json.Append("}}},\"Metadata\":{\"aws:cdk:path\":\"GrowthStack/Worker/Resource\"}}}}");
        File.WriteAllText(path, json.ToString());
        return path;
    }

    private static (TableModel Model, ArchPlan.Model.Plan Plan, string Text) TablesCase(string folder, int variables, int planRows)
    {
        var infra = InfrastructureReader.Read(Template(folder, variables)).Value!;
        var model = TableModel.From(infra).Value!;
        var text = Plan(planRows, Shapes[0].Header, Shapes[0].Row);
        var plan = PlanReader.Parse(text, "plan.md").Value!;
        return (model, plan, text);
    }

    /// <summary>Times <paramref name="prepare"/>'s action at each size (median of up to 3 runs, at most 60 s per size) and prints the growth per step.</summary>
    private static void Sweep(string label, IReadOnlyList<int> sizes, Func<int, Func<object>> prepare)
    {
        Console.WriteLine(label);
        double? previous = null;
        var previousSize = 0;
        foreach (var size in sizes)
        {
            var action = prepare(size);
            try
            {
                action();
            }
            catch (RefusedException refused)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size,6}: {refused.Message}"));
                break;
            }
            var process = Process.GetCurrentProcess();
            var walls = new List<double>();
            var cpus = new List<double>();
            var budget = Stopwatch.StartNew();
            while (walls.Count < 3 && (walls.Count == 0 || budget.Elapsed.TotalSeconds < 60))
            {
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                action();
                walls.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpus.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
            }
            walls.Sort();
            cpus.Sort();
            var cpu = cpus[cpus.Count / 2];
            var growth = previous is { } before && before > 0 ? $"  ×{(cpu / before).ToString("F1", CultureInfo.InvariantCulture)} for ×{((double)size / previousSize).ToString("F1", CultureInfo.InvariantCulture)} rows" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {size,6}: {walls[walls.Count / 2],10:F1} ms wall, {cpu,10:F1} ms CPU (median of {walls.Count}){growth}"));
            (previous, previousSize) = (cpu, size);
        }
    }

    private sealed class RefusedException(string message) : Exception(message);
}
