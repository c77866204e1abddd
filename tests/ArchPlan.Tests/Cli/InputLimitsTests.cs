using System.Diagnostics;
using System.Text;
using ArchPlan.Cli;
using ArchPlan.Tests.Support;
using TablesCliCollection = ArchPlan.Tests.Tables.TablesCliCollection;

namespace ArchPlan.Tests.Cli;

/// <summary>
/// Untrusted input through the CLI (docs/input-limits.md): what is refused, with which diagnostic and exit code, and
/// that nothing crashes, hangs or reads outside what it was given. Runs in the tables collection because it runs
/// <c>tables</c> in-process.
/// </summary>
[Collection(TablesCliCollection.Name)]
public sealed class InputLimitsTests : IDisposable
{
    private static readonly string Infra = Path.Combine(RepoPaths.TestFiles, "infra");
    private static readonly string Plan = Path.Combine(Infra, "leaderboard-plan.md");
    private static readonly string Template = Path.Combine(Infra, "leaderboard.template.json");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs archplan and fails the test (rather than hanging the run) when it takes longer than <paramref name="seconds"/>.</summary>
    private static CliRunner.Result Run(int seconds, params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        Assert.True(run.Wait(TimeSpan.FromSeconds(seconds)), $"archplan {string.Join(' ', args)} took more than {seconds} s");
        return run.Result;
    }

    private static void AssertNoCrash(CliRunner.Result result)
    {
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    // ---- 5. Empty path arguments -----------------------------------------------------------------------------------

    public static TheoryData<string[]> EmptyPaths => new()
    {
        new[] { "check", "" },
        new[] { "show", "" },
        new[] { "diff", "", "--against", "t.json" },
        new[] { "diff", "p.md", "--against", "" },
        new[] { "generate", "p.md", "--output", "" },
        new[] { "generate", "" },
        new[] { "tables", "" },
        new[] { "tables", "t.json", "--plan", "" },
    };

    [Theory]
    [MemberData(nameof(EmptyPaths))]
    public void An_empty_path_argument_is_a_usage_error_on_one_plain_line(string[] args)
    {
        var result = Run(30, args);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        AssertNoCrash(result);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("archplan: ", line, StringComparison.Ordinal);
        Assert.Contains("is empty", line, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    // ---- 5. Devices, pipes: never read -----------------------------------------------------------------------------

    public static TheoryData<string> PlanCommands => new() { "check", "show", "generate", "diff", "tables" };

    private string[] PlanArgs(string command, string plan) => command switch
    {
        "generate" => ["generate", plan, "--output", Path.Combine(_temp.Path, "out")],
        "diff" => ["diff", plan, "--against", Template],
        "tables" => ["tables", Template, "--plan", plan, "--check"],
        _ => [command, plan],
    };

    [Theory]
    [MemberData(nameof(PlanCommands))]
    public void Dev_zero_as_a_plan_is_refused_without_being_read(string command)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var result = Run(30, PlanArgs(command, "/dev/zero"));

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        AssertNoCrash(result);
        Assert.Contains(command == "tables" ? "character device" : "AP9010", result.Out + result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "out")));
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("tables")]
    public void A_device_or_a_named_pipe_as_a_template_is_refused_without_waiting(string command)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var fifo = Path.Combine(_temp.Path, "stack.template.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var link = Path.Combine(_temp.Path, "zero.template.json");
        File.CreateSymbolicLink(link, "/dev/zero");

        foreach (var (source, kind) in new[] { (fifo, "named pipe"), ("/dev/urandom", "character device"), (link, "character device") })
        {
            var result = Run(30, command == "diff" ? ["diff", Plan, "--against", source] : ["tables", source]);

            Assert.Equal(CliApp.UsageError, result.ExitCode);
            AssertNoCrash(result);
            Assert.Contains("AP9010", result.Error, StringComparison.Ordinal);
            Assert.Contains(kind, result.Error, StringComparison.Ordinal);
        }
    }

    // ---- 6. One exit code for unreadable plans; UTF-16 named ---------------------------------------------------------

    public static TheoryData<string, string> UnreadablePlans => new()
    {
        { "empty", "AP9005" },
        { "missing", "AP9001" },
        { "folder", "AP9001" },
        { "binary", "AP9003" },
        { "latin1", "AP9004" },
        { "utf16", "AP9011" },
        { "too large", "AP9002" },
    };

    private string UnreadablePlan(string kind)
    {
        var path = Path.Combine(_temp.Path, kind.Replace(' ', '-') + ".md");
        switch (kind)
        {
            case "empty":
                File.WriteAllText(path, "");
                break;
            case "missing":
                break;
            case "folder":
                Directory.CreateDirectory(path);
                break;
            case "binary":
                File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
                break;
            case "latin1":
                File.WriteAllBytes(path, Encoding.Latin1.GetBytes("---\ntitle: Caf\u00e9\n---\n"));
                break;
            case "utf16":
                File.WriteAllText(path, File.ReadAllText(Plan), Encoding.Unicode);
                break;
            case "too large":
                File.WriteAllText(path, "---\ntitle: x\n---\n" + new string('a', 3 * 1024 * 1024));
                break;
            default:
                throw new ArgumentException(kind);
        }
        return path;
    }

    [Theory]
    [MemberData(nameof(UnreadablePlans))]
    public void An_unreadable_plan_exits_2_in_every_command(string kind, string id)
    {
        var plan = UnreadablePlan(kind);
        foreach (var command in new[] { "check", "show", "generate", "diff", "tables" })
        {
            var result = Run(60, PlanArgs(command, plan));

            Assert.True(result.ExitCode == CliApp.UsageError, $"{command} on a {kind} plan: exit {result.ExitCode}\n{result.Error}");
            AssertNoCrash(result);
            // tables reads the plan itself and says why in one line; a folder is a folder of plans to check and generate.
            if (kind != "folder" && (command != "tables" || kind is "empty" or "binary" or "latin1" or "utf16"))
            {
                Assert.Contains(id, result.Out + result.Error, StringComparison.Ordinal);
            }
        }
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "out")));
    }

    public static TheoryData<string, string> WideEncodings => new()
    {
        { "utf-16le-bom", "UTF-16 (little-endian, with a byte order mark)" },
        { "utf-16be-bom", "UTF-16 (big-endian, with a byte order mark)" },
        { "utf-16le", "UTF-16 (little-endian)" },
        { "utf-16be", "UTF-16 (big-endian)" },
        { "utf-32le-bom", "UTF-32 (little-endian, with a byte order mark)" },
        { "utf-32le", "UTF-32 (little-endian)" },
    };

    [Theory]
    [MemberData(nameof(WideEncodings))]
    public void A_utf16_or_utf32_plan_is_named_as_such_and_not_as_binary(string encoding, string words)
    {
        Encoding codec = encoding switch
        {
            "utf-16le-bom" or "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be-bom" or "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        var text = File.ReadAllText(Plan);
        var bytes = encoding.EndsWith("-bom", StringComparison.Ordinal) ? [.. codec.GetPreamble(), .. codec.GetBytes(text)] : codec.GetBytes(text);
        var plan = Path.Combine(_temp.Path, "plan.md");
        File.WriteAllBytes(plan, bytes);

        var result = Run(30, "check", plan);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains($"error AP9011: the file is encoded as {words}, not UTF-8", result.Out, StringComparison.Ordinal);
        Assert.Contains("Save the plan as UTF-8", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("NUL", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_in_utf16_with_a_byte_order_mark_is_read_and_without_one_is_named()
    {
        var withBom = Path.Combine(_temp.Path, "bom.template.json");
        File.WriteAllText(withBom, File.ReadAllText(Template), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var withoutBom = Path.Combine(_temp.Path, "plain.template.json");
        File.WriteAllBytes(withoutBom, new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(File.ReadAllText(Template)));

        var read = Run(60, "diff", Plan, "--against", withBom);
        var refused = Run(60, "diff", Plan, "--against", withoutBom);

        Assert.Equal(Run(60, "diff", Plan, "--against", Template).ExitCode, read.ExitCode);
        Assert.NotEqual(CliApp.UsageError, read.ExitCode);
        Assert.Equal(CliApp.UsageError, refused.ExitCode);
        Assert.Contains("AP9011", refused.Error, StringComparison.Ordinal);
        Assert.Contains("UTF-16 (little-endian)", refused.Error, StringComparison.Ordinal);
    }

    // ---- 1. Nothing outside the cloud assembly is read ---------------------------------------------------------------

    private const string OutsideMarker = "OutsideSecretQueue";

    /// <summary>A cdk.out whose one stack's template is where <paramref name="templateFile"/> leads; an outside template lies beside it.</summary>
    private string Assembly(string templateFile, Action<string>? arrange = null, string? nestedDirectory = null)
    {
        var outside = Path.Combine(_temp.Path, "outside");
        Directory.CreateDirectory(outside);
        var outsideTemplate = File.ReadAllText(Template).Replace("\"Resources\": {", $"\"Resources\": {{ \"{OutsideMarker}\": {{ \"Type\": \"AWS::SQS::Queue\" }},", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(outside, "Stack.template.json"), outsideTemplate);
        File.WriteAllText(Path.Combine(outside, "manifest.json"), Manifest("Stack.template.json"));

        var assembly = Path.Combine(_temp.Path, "cdk.out");
        Directory.CreateDirectory(assembly);
        File.Copy(Template, Path.Combine(assembly, "Inside.template.json"));
        File.WriteAllText(Path.Combine(assembly, "manifest.json"), nestedDirectory is null
            ? Manifest(templateFile)
            : "{ \"version\": \"38.0.1\", \"artifacts\": { \"Stage\": { \"type\": \"cdk:cloud-assembly\", \"properties\": { \"directoryName\": "
              + System.Text.Json.JsonSerializer.Serialize(nestedDirectory) + " } } } }");
        arrange?.Invoke(assembly);
        return assembly;
    }

    private static string Manifest(string templateFile) =>
        "{ \"version\": \"38.0.1\", \"artifacts\": { \"Stack\": { \"type\": \"aws:cloudformation:stack\", \"properties\": { \"templateFile\": "
        + System.Text.Json.JsonSerializer.Serialize(templateFile) + ", \"stackName\": \"acme-leaderboard\" } } } }";

    public static TheoryData<string> Escapes => new()
    {
        "template ..", "template absolute", "template symlink", "template in a symlinked folder", "nested ..", "nested absolute",
        "nested symlink", "manifest symlink",
    };

    private string EscapingAssembly(string escape)
    {
        var outside = Path.Combine(_temp.Path, "outside");
        return escape switch
        {
            "template .." => Assembly("../outside/Stack.template.json"),
            "template absolute" => Assembly(Path.Combine(outside, "Stack.template.json")),
            "template symlink" => Assembly("Linked.template.json", a => File.CreateSymbolicLink(Path.Combine(a, "Linked.template.json"), Path.Combine(outside, "Stack.template.json"))),
            "template in a symlinked folder" => Assembly("dir/Stack.template.json", a => Directory.CreateSymbolicLink(Path.Combine(a, "dir"), outside)),
            "nested .." => Assembly("", nestedDirectory: "../outside"),
            "nested absolute" => Assembly("", nestedDirectory: outside),
            "nested symlink" => Assembly("", a => Directory.CreateSymbolicLink(Path.Combine(a, "assembly-Stage"), outside), nestedDirectory: "assembly-Stage"),
            "manifest symlink" => Assembly("", a =>
            {
                File.Delete(Path.Combine(a, "manifest.json"));
                File.CreateSymbolicLink(Path.Combine(a, "manifest.json"), Path.Combine(outside, "manifest.json"));
            }),
            _ => throw new ArgumentException(escape),
        };
    }

    [Theory]
    [MemberData(nameof(Escapes))]
    public void A_manifest_path_leaving_the_cloud_assembly_is_refused(string escape)
    {
        var assembly = EscapingAssembly(escape);

        foreach (var args in new[] { new[] { "diff", Plan, "--against", assembly }, ["tables", assembly] })
        {
            var result = Run(60, args);

            Assert.True(result.ExitCode == CliApp.UsageError, $"{escape}, {args[0]}: exit {result.ExitCode}\n{result.Out}\n{result.Error}");
            AssertNoCrash(result);
            Assert.Contains("error AP9013", result.Error, StringComparison.Ordinal);
            Assert.Contains("leads outside the cloud assembly", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(OutsideMarker, result.Out + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Links_that_stay_inside_the_cloud_assembly_are_followed()
    {
        var assembly = Assembly("sub/../Linked.template.json", a => File.CreateSymbolicLink(Path.Combine(a, "Linked.template.json"), "Inside.template.json"));
        Directory.CreateDirectory(Path.Combine(assembly, "sub"));

        var result = Run(60, "diff", Plan, "--against", assembly);

        Assert.NotEqual(CliApp.UsageError, result.ExitCode);
        Assert.DoesNotContain("AP9013", result.Error, StringComparison.Ordinal);
        Assert.Equal(Run(60, "diff", Plan, "--against", Template).Out.Split('\n').Length, result.Out.Split('\n').Length);
    }

    [Fact]
    public void A_source_app_reads_no_file_through_a_link_that_leaves_it_and_does_not_loop()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var app = App("\"inside\"");
        var outside = Path.Combine(_temp.Path, "elsewhere");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "Outside.cs"),
            "public class O : Amazon.CDK.Stack { public O() { var q = new Amazon.CDK.AWS.SQS.Queue(this, \"" + OutsideMarker + "\"); } }");
        Directory.CreateSymbolicLink(Path.Combine(app, "linked-folder"), outside);
        File.CreateSymbolicLink(Path.Combine(app, "Linked.cs"), Path.Combine(outside, "Outside.cs"));
        Directory.CreateDirectory(Path.Combine(app, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(app, "sub", "loop"), app);

        var result = Run(60, "diff", Plan, "--against", app);

        AssertNoCrash(result);
        Assert.Contains("(1 .cs file)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(OutsideMarker, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_plans_with_a_link_loop_is_checked_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var plans = Path.Combine(_temp.Path, "plans");
        Directory.CreateDirectory(Path.Combine(plans, "team"));
        File.WriteAllText(Path.Combine(plans, "team", "plan.md"), "---\ntitle: Looped\nstatus: nonsense\n---\n\n# Looped\n");
        Directory.CreateSymbolicLink(Path.Combine(plans, "team", "again"), plans);

        var result = Run(60, "check", plans);

        AssertNoCrash(result);
        Assert.Equal(CliApp.Failure, result.ExitCode);
        Assert.Contains(Path.Combine("team", "plan.md") + "(", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("again", result.Out, StringComparison.Ordinal);
    }

    // ---- 2. Duplicate keys -----------------------------------------------------------------------------------------

    [Fact]
    public void A_duplicate_key_in_a_json_template_is_an_error_naming_file_line_and_key()
    {
        var text = File.ReadAllText(Template).Replace("\"Resources\": {", "\"Resources\": { \"Twice\": { \"Type\": \"AWS::SQS::Queue\" },\n\"Twice\": { \"Type\": \"AWS::SNS::Topic\" },", StringComparison.Ordinal);
        var file = _temp.File("dup.template.json", text);
        var line = text[..text.LastIndexOf("\"Twice\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        foreach (var args in new[] { new[] { "diff", Plan, "--against", file }, ["tables", file] })
        {
            var result = Run(60, args);

            Assert.Equal(CliApp.UsageError, result.ExitCode);
            Assert.Contains($"dup.template.json({line},1): error AP9014: the key 'Twice' is given twice in one mapping (first on line {line - 1})", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_duplicate_key_in_a_yaml_template_is_an_error_too()
    {
        var file = _temp.File("dup.template.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: a\n      QueueName: b\n");

        var result = Run(60, "tables", file);

        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains("dup.template.yaml(6,7): error AP9014: the key 'QueueName' is given twice in one mapping (first on line 5)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undecodable_escape_in_yaml_is_a_diagnostic_in_templates_and_in_front_matter()
    {
        var template = _temp.File("escape.template.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: \"\\uD83D\\u0041\"\n");
        var plan = _temp.File("escape.md", "---\ntitle: \"\\uD83D\\u0041\"\nstatus: active\n---\n\n# Escape\n");

        var tables = Run(30, "tables", template);
        var check = Run(30, "check", plan);

        Assert.Equal(CliApp.UsageError, tables.ExitCode);
        Assert.Contains("error AP4002", tables.Error, StringComparison.Ordinal);
        AssertNoCrash(tables);
        Assert.Equal(CliApp.Failure, check.ExitCode);
        Assert.Contains("error AP1004", check.Out, StringComparison.Ordinal);
        AssertNoCrash(check);

        var json = _temp.File("escape.template.json", "{\n  \"Resources\": {\n    \"Queue\": { \"Type\": \"\\uDC69\" }\n  }\n}\n");
        var diff = Run(30, "diff", Plan, "--against", json);
        Assert.Equal(CliApp.UsageError, diff.ExitCode);
        Assert.Contains("escape.template.json(3,", diff.Error, StringComparison.Ordinal);
        Assert.Contains("error AP4002", diff.Error, StringComparison.Ordinal);
        AssertNoCrash(diff);
    }

    // ---- 3. Billion laughs -------------------------------------------------------------------------------------------

    private static string Laughs(int levels, string indent)
    {
        var text = new StringBuilder($"{indent}l0: &a0 [lol, lol]\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(indent).Append($"l{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n");
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(49)]
    public void A_yaml_template_whose_aliases_grow_exponentially_is_refused_in_time(int levels)
    {
        var file = _temp.File("laughs.template.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Metadata:\n" + Laughs(levels, "      "));
        Assert.True(new FileInfo(file).Length < 2048);

        foreach (var args in new[] { new[] { "diff", Plan, "--against", file }, ["tables", file] })
        {
            var clock = Stopwatch.StartNew();
            var result = Run(30, args);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{levels} levels took {clock.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(CliApp.UsageError, result.ExitCode);
            Assert.Contains("error AP9015: the template holds more than 1,000,000 values once its YAML aliases are expanded", result.Error, StringComparison.Ordinal);
            Assert.Contains("laughs.template.yaml(", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_yaml_template_with_a_few_aliases_is_still_read()
    {
        var file = _temp.File("few.template.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Metadata:\n" + Laughs(8, "      "));

        var result = Run(30, "tables", file);

        Assert.Equal(CliApp.Success, result.ExitCode);
    }

    [Fact]
    public void Front_matter_whose_aliases_grow_exponentially_is_refused_in_time()
    {
        var plan = _temp.File("laughs.md", "---\ntitle: Laughs\nstatus: active\nproduct: laughs\n" + Laughs(40, "") + "---\n\n# Laughs\n");

        var clock = Stopwatch.StartNew();
        var result = Run(30, "check", plan);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(CliApp.Failure, result.ExitCode);
        Assert.Contains("error AP1007", result.Error + result.Out, StringComparison.Ordinal);
    }

    // ---- 4. Deep and long C# source ---------------------------------------------------------------------------------

    private string App(string valueExpression)
    {
        var app = Path.Combine(_temp.Path, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "Stack.cs"), $$"""
            using Amazon.CDK;
            using Amazon.CDK.AWS.Lambda;
            using System.Collections.Generic;

            public class AppStack : Stack
            {
                public AppStack(Constructs.Construct scope) : base(scope, "AppStack")
                {
                    var value = {{valueExpression}};
                    var fn = new Function(this, "Handler", new FunctionProps { Environment = new Dictionary<string, string> { { "LONG_VALUE", value } } });
                }
            }
            """);
        return app;
    }

    [Fact]
    public void A_50000_term_string_concatenation_is_read_without_overflowing_the_stack()
    {
        var app = App(string.Join(" + ", Enumerable.Repeat("\"ab\"", 50_000)));

        var diff = Run(120, "diff", Plan, "--against", app);
        var tables = Run(120, "tables", app);

        AssertNoCrash(diff);
        Assert.NotEqual(CliApp.UsageError, diff.ExitCode);
        Assert.Equal(CliApp.Success, tables.ExitCode);
        Assert.Contains("LONG_VALUE", tables.Out, StringComparison.Ordinal);
        Assert.Contains(string.Concat(Enumerable.Repeat("ab", 100)), tables.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Thirty_thousand_nested_parentheses_are_refused_with_the_file_and_line()
    {
        var app = App(new string('(', 30_000) + "\"a\"" + new string(')', 30_000));

        foreach (var args in new[] { new[] { "diff", Plan, "--against", app }, ["tables", app] })
        {
            var result = Run(120, args);

            Assert.Equal(CliApp.UsageError, result.ExitCode);
            AssertNoCrash(result);
            Assert.Contains("Stack.cs(9,1): error AP9016: the file nests brackets 30,002 levels deep, more than the 1,000 ArchPlan reads", result.Error, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> DeepExpressions => new()
    {
        { "conditional chain" },
        { "unary chain" },
        { "member chain" },
        { "lambda chain" },
        { "parentheses at the limit" },
    };

    [Theory]
    [MemberData(nameof(DeepExpressions))]
    public void Deep_expressions_within_the_bracket_limit_never_crash(string shape)
    {
        var expression = shape switch
        {
            "conditional chain" => string.Concat(Enumerable.Repeat("true ? \"a\" : ", 20_000)) + "\"b\"",
            "unary chain" => "(" + new string('-', 50_000) + "1).ToString()",
            "member chain" => "\"a\"" + string.Concat(Enumerable.Repeat(".Trim()", 30_000)),
            "lambda chain" => string.Concat(Enumerable.Repeat("x => ", 20_000)) + "\"a\"",
            _ => new string('(', 990) + "\"a\"" + new string(')', 990),
        };
        var app = App(expression);

        var result = Run(120, "tables", app);

        AssertNoCrash(result);
        Assert.True(result.ExitCode is CliApp.Success or CliApp.UsageError, $"exit {result.ExitCode}\n{result.Error}");
        Assert.True(result.ExitCode == CliApp.Success || result.Error.Contains("AP9017", StringComparison.Ordinal), result.Error);
    }
}
