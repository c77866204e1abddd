using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace ArchPlan.Tests.Fidelity;

/// <summary>
/// How much of the real-world corpus (TestFiles/realworld) ArchPlan reads, and how well diff finds the drift planted
/// in it: recall and precision printed per fixture and for the corpus (docs/fidelity.md keeps the figures), and the
/// targets of issue 11 asserted.
/// </summary>
public sealed class FidelityTests(ITestOutputHelper output)
{
    private const double VariableRecallTarget = 0.98;
    private const double SecretRecallTarget = 0.95;
    private const double ResourceRecallTarget = 0.90;
    private const double DiffTarget = 0.90;

    private static readonly Lazy<IReadOnlyList<FixtureMeasurement>> Measurements =
        new(() => [.. RealWorldCorpus.Fixtures.Select(FidelityMeasurement.Measure)]);

    [Fact]
    public void Reads_the_variables_of_the_corpus_at_98_percent_recall()
    {
        var all = Measurements.Value;
        Assert.NotEmpty(all);
        output.WriteLine(Report(all));

        var variables = Sum(all, m => m.Variables.Score);
        Assert.True(variables.Recall >= VariableRecallTarget, $"variables: {variables}; target recall {VariableRecallTarget:P0}");
    }

    [Fact]
    public void Reads_the_secrets_of_the_corpus_at_95_percent_recall()
    {
        var secrets = Sum(Measurements.Value, m => m.Secrets.Score);
        output.WriteLine($"secrets: {secrets}");
        Assert.True(secrets.Recall >= SecretRecallTarget, $"secrets: {secrets}; target recall {SecretRecallTarget:P0}");
    }

    /// <summary>
    /// Issue 11 asks for 90% of the resources, read from lists, tables and headings and never from paragraphs or code
    /// blocks. Resources a document names only there are kept apart in each fixture's <c>notListed</c> (with the
    /// reason): they are not expected, and must not be read.
    /// </summary>
    [Fact]
    public void Reads_the_resources_of_the_corpus_at_90_percent_recall()
    {
        var all = Measurements.Value;
        Assert.NotEmpty(all);
        var resources = Sum(all, m => m.Resources.Score);
        output.WriteLine($"resources: {resources}; named only in paragraphs or code blocks (notListed, not expected): {all.Sum(m => m.Fixture.Expected.NotListed.Count)}");
        Assert.True(resources.Recall >= ResourceRecallTarget, $"resources: {resources}; target recall {ResourceRecallTarget:P0}");
    }

    [Fact]
    public void Reads_no_resource_from_a_paragraph_or_code_block()
    {
        var all = Measurements.Value;
        Assert.NotEmpty(all);
        var read = all.SelectMany(m => m.NotListedRead.Select(r => $"{m.Fixture.Name}: {r.Kind} {r.Name} (line {r.Line})")).ToList();
        Assert.True(read.Count == 0, "resources read from paragraphs or code blocks: " + string.Join(", ", read));
    }

    /// <summary>A resource expectation is filed by where the document names it, so none can be moved out of the count.</summary>
    [Fact]
    public void Files_each_expected_resource_by_where_the_document_names_it()
    {
        var all = Measurements.Value;
        Assert.NotEmpty(all);
        var misfiled = all.SelectMany(m => m.MisfiledResources.Select(r => $"{m.Fixture.Name}: {r}")).ToList();
        Assert.True(misfiled.Count == 0, string.Join('\n', misfiled));
    }

    [Fact]
    public void Reads_the_build_time_variables_of_the_corpus_apart_from_the_run_time_ones()
    {
        var all = Measurements.Value;
        var buildTime = Sum(all, m => m.BuildTimeVariables.Score);
        output.WriteLine($"build-time variables: {buildTime}");
        // A build-time variable read as a run-time one would be expected on every function: none may be.
        var misplaced = all.SelectMany(m => m.Plan.Variables.Where(v => m.Fixture.Expected.BuildTimeVariables.Any(b => b.Name == v.Name)).Select(v => $"{m.Fixture.Name}: {v.Name}")).ToList();
        Assert.True(misplaced.Count == 0, "build-time variables read as run-time variables: " + string.Join(", ", misplaced));
        Assert.True(buildTime.Recall >= VariableRecallTarget, $"build-time variables: {buildTime}");
    }

    [Fact]
    public void Reads_no_look_alike_table_as_configuration()
    {
        var all = Measurements.Value;
        Assert.NotEmpty(all);
        var read = all.SelectMany(m => m.LookAlikesRead.Select(n => $"{m.Fixture.Name}:{n.Line} ({n.Why})")).ToList();
        output.WriteLine($"look-alike tables: {all.Sum(m => m.Fixture.Expected.NotConfiguration.Count)}, read as configuration: {read.Count}");
        Assert.Empty(read);
    }

    [Fact]
    public void Reads_each_matched_item_at_its_expected_line()
    {
        var all = Measurements.Value;
        Assert.NotEmpty(all);
        var differences = all.SelectMany(m => m.LineDifferences().Select(d => $"{m.Fixture.Name}: {d}")).ToList();
        output.WriteLine($"matched items: {all.Sum(m => m.Variables.Pairs.Count + m.BuildTimeVariables.Pairs.Count + m.Secrets.Pairs.Count + m.Resources.Pairs.Count)}, on another line: {differences.Count}");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>
    /// Diff against each fixture's infrastructure finds the planted drift (drift.json) at issue 11's 90% precision and
    /// recall over the corpus, value differences and missing resources included; every miss and extra is printed.
    /// </summary>
    [Fact]
    public void Finds_the_planted_drift_at_90_percent_precision_and_recall()
    {
        var diffed = Measurements.Value.Where(m => m.Diff is not null).ToList();
        Assert.NotEmpty(diffed);
        var kinds = Enum.GetNames<ArchPlan.Diffing.FindingKind>().Append("ValueDiffers").ToHashSet(StringComparer.Ordinal);
        var unknown = diffed.SelectMany(m => m.Fixture.Drift!.Findings.Where(f => !kinds.Contains(f.Kind)).Select(f => $"{m.Fixture.Name}: {f.Kind}")).ToList();
        Assert.True(unknown.Count == 0, "drift.json names finding kinds diff does not have: " + string.Join(", ", unknown));
        var score = Sum(diffed, m => m.Diff!.Score);
        output.WriteLine($"diff findings: {score}");
        foreach (var m in diffed)
        {
            if (m.InfraProblem is not null)
            {
                output.WriteLine($"  {m.Fixture.Name}: the infrastructure could not be read: {m.InfraProblem}");
            }
            foreach (var missed in m.Diff!.Missed)
            {
                output.WriteLine($"  {m.Fixture.Name}: not found {missed.Kind} {missed.Subject}");
            }
            foreach (var extra in m.Diff.Extra)
            {
                output.WriteLine($"  {m.Fixture.Name}: not planted {extra.Kind} {extra.Subject} (plan line {extra.PlanLocation.Line})");
            }
        }
        Assert.True(score.Recall >= DiffTarget && score.Precision >= DiffTarget, $"diff findings: {score}; target {DiffTarget:P0} each");
        // The kinds issue 11 names: value differences and planned resources that are missing are found too.
        foreach (var kind in new[] { "ValueDiffers", "ResourceNotFound" })
        {
            var planted = diffed.Sum(m => m.Fixture.Drift!.Findings.Count(f => f.Kind == kind));
            var found = diffed.Sum(m => m.Diff!.Pairs.Count(p => p.Expected.Kind == kind));
            output.WriteLine($"  {kind}: {found} of {planted} planted found");
            Assert.True(planted > 0 && found >= DiffTarget * planted, $"{kind}: {found} of {planted} planted found");
        }
    }

    [Fact]
    public void Every_fixture_names_infrastructure_that_exists()
    {
        Assert.NotEmpty(RealWorldCorpus.Fixtures);
        foreach (var fixture in RealWorldCorpus.Fixtures)
        {
            Assert.True(fixture.Drift is not null, $"{fixture.Name}: no drift.json");
            var against = Path.Combine(fixture.Folder, fixture.Drift.Against);
            Assert.True(File.Exists(against) || Directory.Exists(against), $"{fixture.Name}: {fixture.Drift.Against} does not exist");
        }
    }

    private static Score Sum(IEnumerable<FixtureMeasurement> measurements, Func<FixtureMeasurement, Score> score) =>
        measurements.Aggregate(default(Score), (total, m) => total + score(m));

    /// <summary>A Markdown table per fixture and for the corpus, then every miss, so a failing run says what to look at.</summary>
    internal static string Report(IReadOnlyList<FixtureMeasurement> all)
    {
        static string Cell(Score s) => s.Expected == 0 && s.Found == 0 ? "-" : $"{s.Matched}/{s.Expected} · {s.Found - s.Matched} extra";
        var text = new StringBuilder();
        text.AppendLine("| fixture | variables | build-time | secrets | resources | look-alikes read | diff |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var m in all)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Fixture.Name} | {Cell(m.Variables.Score)} | {Cell(m.BuildTimeVariables.Score)} | {Cell(m.Secrets.Score)} | {Cell(m.Resources.Score)} | {m.LookAlikesRead.Count}/{m.Fixture.Expected.NotConfiguration.Count} | {(m.Diff is null ? "-" : Cell(m.Diff.Score))} |");
        }
        text.AppendLine();
        text.AppendLine("| corpus | recall | precision |");
        text.AppendLine("| --- | --- | --- |");
        void Total(string what, Score s) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {s.RecallText} ({s.Matched}/{s.Expected}) | {s.PrecisionText} ({s.Matched}/{s.Found}) |");
        Total("variables", Sum(all, m => m.Variables.Score));
        Total("build-time variables", Sum(all, m => m.BuildTimeVariables.Score));
        Total("secrets", Sum(all, m => m.Secrets.Score));
        Total("resources", Sum(all, m => m.Resources.Score));
        Total("diff findings", Sum(all.Where(m => m.Diff is not null), m => m.Diff!.Score));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"look-alike tables read as configuration: {all.Sum(m => m.LookAlikesRead.Count)} of {all.Sum(m => m.Fixture.Expected.NotConfiguration.Count)}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"resources read with the document's name: {all.Sum(m => m.Resources.NamedPairs)} of {all.Sum(m => m.Resources.Pairs.Count)} matched (the others by kind and line)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"resources named only in paragraphs or code blocks (notListed: not expected, never read): {all.Sum(m => m.Fixture.Expected.NotListed.Count)}, read anyway: {all.Sum(m => m.NotListedRead.Count)}");
        var values = all.Sum(m => m.Variables.Pairs.Count);
        var valueDifferences = all.SelectMany(m => m.ValueDifferences().Select(d => $"{m.Fixture.Name}: {d}")).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"matched variables read with the expected value, scope and aliases: {values - valueDifferences.Count}/{values}");

        text.AppendLine().AppendLine("Misses:");
        foreach (var m in all)
        {
            var name = m.Fixture.Name;
            foreach (var v in m.Variables.Missed) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: variable not read: {v.Name} (line {v.Line})");
            foreach (var v in m.Variables.Extra) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: variable not expected: {v.Name} (line {v.Location.Line})");
            foreach (var v in m.BuildTimeVariables.Missed) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: build-time variable not read: {v.Name} (line {v.Line})");
            foreach (var v in m.BuildTimeVariables.Extra) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: build-time variable not expected: {v.Name} (line {v.Location.Line})");
            foreach (var s in m.Secrets.Missed) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: secret not read: {s.Name} [{s.Environment}] (line {s.Line})");
            foreach (var s in m.Secrets.Extra) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: secret not expected: {s.Name} [{s.Environment}] (line {s.Location.Line})");
            foreach (var r in m.Resources.Missed) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: resource not read: {r.Kind} {r.Name} (line {r.Line})");
            foreach (var r in m.Resources.Extra) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: resource not expected: {r.Kind} {r.Name} (line {r.Location.Line})");
            foreach (var n in m.LookAlikesRead) text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: look-alike table read as configuration: line {n.Line} ({n.Why})");
        }
        foreach (var d in valueDifferences)
        {
            text.AppendLine("  value: " + d);
        }
        return text.ToString();
    }
}
