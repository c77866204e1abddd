using ArchPlan.Cli;
using ArchPlan.Generation.Naming;
using ArchPlan.Model;
using ArchPlan.Tests.Support;
using ArchPlan.Validation;
using static ArchPlan.Tests.Validation.TestPlans;

namespace ArchPlan.Tests.Generation;

/// <summary>The one reading of a scope cell ("Used by"), shared by check and generate.</summary>
public sealed class ScopeIndexTests
{
    private static readonly PlannedResource[] Computes =
    [
        Lambda("fn-1"),
        Lambda("fn-10"),
        Lambda("payments-handler") with { Text = "**Lambda Function** `payments-handler` — Python 3.13, `handlers/pay.py`" },
        Fargate("settlement-worker"),
        Resource(ResourceKind.FargateTask, "nightly-reconcile"),
    ];

    [Theory]
    [InlineData("fn-1", new[] { "fn-1" })]
    [InlineData("fn-10", new[] { "fn-10" })] // not fn-1: "fn-10" merely contains its letters
    [InlineData("`fn-10` Lambda", new[] { "fn-10" })]
    [InlineData("payments-handler Lambda", new[] { "payments-handler" })]
    [InlineData("PaymentsHandler", new[] { "payments-handler" })]
    [InlineData("handlers/pay.py", new[] { "payments-handler" })]
    [InlineData("Lambda", new[] { "fn-1", "fn-10", "payments-handler" })]
    [InlineData("all functions", new[] { "fn-1", "fn-10", "payments-handler" })]
    [InlineData("ECS task", new[] { "nightly-reconcile" })]
    [InlineData("containers", new[] { "settlement-worker", "nightly-reconcile" })]
    [InlineData("settlement", new[] { "settlement-worker" })]
    [InlineData("fn", new[] { "fn-1", "fn-10" })]
    [InlineData("fn-2", new string[0])]
    [InlineData("handlers/other.py", new string[0])]
    [InlineData("orders table", new string[0])]
    public void An_entry_names_the_computes_whose_name_words_kind_or_handler_file_it_gives(string entry, string[] expected)
    {
        var index = new ScopeIndex(Computes);

        var named = index.Entry(entry);

        Assert.NotNull(named);
        Assert.Equal(expected, named.Select(i => Computes[i].Name));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("*")]
    [InlineData("every")]
    [InlineData("both")]
    public void Words_for_everyone_name_every_compute(string entry)
    {
        var index = new ScopeIndex(Computes);

        Assert.Null(index.Entry(entry));
        Assert.Equal(Enumerable.Range(0, Computes.Length), index.Resolve([entry]).Targets);
    }

    [Fact]
    public void A_scope_naming_nothing_reaches_every_compute_and_says_which_entries_named_nothing()
    {
        var index = new ScopeIndex(Computes);

        var none = index.Resolve(["fn-2", "fn-3"]);
        var some = index.Resolve(["fn-2", "fn-10"]);

        Assert.False(none.Named);
        Assert.Equal(Enumerable.Range(0, Computes.Length), none.Targets);
        Assert.Equal(["fn-2", "fn-3"], none.Unmatched);
        Assert.True(some.Named);
        Assert.Equal([1], some.Targets);
        Assert.Equal(["fn-2"], some.Unmatched);
    }

    [Fact]
    public void The_index_answers_as_the_pairwise_name_rule_does_on_many_names()
    {
        // The index must be an exact shortcut for NameMatcher.Matches over every pair, never a different reading.
        var random = new Random(12);
        string[] words = ["orders", "api", "worker", "fn", "1", "10", "sync", "payments", "handler", "v2"];
        string Name() => string.Join(random.Next(2) == 0 ? "-" : "_", Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
        var computes = Enumerable.Range(0, 60).Select(i => Lambda(Name(), 10 + i)).ToArray();
        var index = new ScopeIndex(computes);

        for (var trial = 0; trial < 400; trial++)
        {
            var entry = Name();
            var expected = Enumerable.Range(0, computes.Length).Where(i => NameMatcher.Matches(entry, computes[i].Name)).ToList();
            if (expected.Count == 0)
            {
                continue; // kind words and files decide then; covered above
            }
            Assert.Equal(expected, index.Entry(entry));
        }
    }
}

/// <summary>check and generate read a scope alike: the functions check measures a variable on are the ones generate sets it on.</summary>
public sealed class ScopeAgreementTests
{
    [Fact]
    public void Check_measures_Lambdas_4_KB_on_the_function_the_scope_names_not_on_one_whose_name_it_contains()
    {
        // 40 long values used by `fn-10` exceed 4 KB for fn-10; fn-1 gets one short value.
        var rows = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"| `SETTING_{i}` | Setting {i} | `{new string('v', 120)}` | `fn-10` |"));
        var text = Consistency.ConsistencyPlans.Plan(
            "- **Lambda Function** `fn-1` — Python 3.13\n- **Lambda Function** `fn-10` — Python 3.13",
            configuration: "### Environment Variables\n\n| Variable | Description | Default | Used by |\n| --- | --- | --- | --- |\n" + rows + "\n| `SHARED` | Shared | `x` | `fn-1` |");
        using var temp = new TempFolder();

        var check = CliRunner.Run("check", temp.File("plan.md", text));

        Assert.Equal(CliApp.Failure, check.ExitCode);
        Assert.Contains("error AP2010: Lambda function 'fn-10' gets an estimated", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Lambda function 'fn-1' gets", check.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AP2027", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void On_random_plans_each_variable_reaches_the_same_functions_in_check_and_in_the_generated_code()
    {
        string[] words = ["orders", "api", "sync", "fn", "1", "10", "refund", "worker", "v2"];
        var random = new Random(2026);
        for (var trial = 0; trial < 25; trial++)
        {
            // Function names of one to three words, distinct once separators are dropped (so members are predictable).
            var functions = new List<string[]>();
            while (functions.Count < random.Next(2, 7))
            {
                var name = Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]).Distinct().ToArray();
                if (!char.IsAsciiDigit(name[0][0]) && functions.All(f => string.Concat(f) != string.Concat(name)))
                {
                    functions.Add(name);
                }
            }
            string Entry() => random.Next(6) switch
            {
                0 => "Lambda",
                1 => string.Join("-", words[random.Next(words.Length)], words[random.Next(words.Length)]),
                2 => $"handlers/{string.Join("_", functions[random.Next(functions.Count)])}.py",
                3 => "nothing-here",
                _ => $"`{string.Join("-", functions[random.Next(functions.Count)])}`",
            };
            var resources = string.Join("\n", functions.Select(f => $"- **Lambda Function** `{string.Join("-", f)}` — Python 3.13, code in `handlers/{string.Join("_", f)}.py`"));
            var rows = string.Join("\n", Enumerable.Range(0, 8).Select(i => $"| `SETTING_{i}` | Setting {i} | `v{i}` | {string.Join(", ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Entry()))} |"));
            var text = Consistency.ConsistencyPlans.Plan(resources,
                configuration: "### Environment Variables\n\n| Variable | Description | Default | Used by |\n| --- | --- | --- | --- |\n" + rows);
            var plan = ArchPlan.Reading.PlanReader.Parse(text, "plan.md").Value!;
            var context = new ValidationContext(plan, text);
            using var temp = new TempFolder();
            var generate = CliRunner.Run("generate", temp.File("plan.md", text), "--output", temp.Path);
            Assert.True(generate.ExitCode == CliApp.Success, text + generate.Out);
            var code = File.ReadAllText(Directory.GetFiles(temp.Path, "*Stack.g.cs", SearchOption.AllDirectories).Single());

            foreach (var variable in plan.Variables)
            {
                var checkSays = context.ComputeTargets(variable).Select(r => Member(r.Name)).Order(StringComparer.OrdinalIgnoreCase);
                var generated = System.Text.RegularExpressions.Regex.Matches(code, $@"SetVariable\((\w+), ""{variable.Name}""").Select(m => m.Groups[1].Value).Order(StringComparer.OrdinalIgnoreCase);
                Assert.True(checkSays.SequenceEqual(generated, StringComparer.OrdinalIgnoreCase), $"{variable.Name} (scope {string.Join(", ", variable.Scope)}): check {string.Join(" ", checkSays)}, generate {string.Join(" ", generated)}\n{text}");
            }
        }

        static string Member(string name) =>
            string.Concat(name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Function";
    }
}
