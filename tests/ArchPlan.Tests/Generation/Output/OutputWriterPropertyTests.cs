using System.Security.Cryptography;
using System.Text.Json;
using ArchPlan.Generation;
using ArchPlan.Generation.Output;
using CsCheck;

namespace ArchPlan.Tests.Generation.Output;

/// <summary>Random sequences of runs, hand edits and disk failures against the writer's promises.</summary>
public sealed class OutputWriterPropertyTests
{
    private const string Product = "shop";
    private const string ManifestPath = "apps/shop/infra/cdk/.archplan/manifest.json";

    private static readonly string[] Paths =
    [
        "apps/shop/infra/cdk/Program.cs",
        "apps/shop/infra/cdk/Stacks/A.g.cs",
        "apps/shop/infra/cdk/Stacks/A.cs",
        "apps/shop/infra/cdk/Resources/Queue.g.cs",
        "apps/shop/infra/cdk/Resources/Deep/Topic.g.cs",
    ];

    private static readonly string[] Contents = ["one\n", "two\r\n", "three"];

    // One run: the files wanted (path index → content index, scaffold?), edits made by hand before it, --force.
    private sealed record Run(GeneratedFile[] Files, (int Path, string Text)[] Edits, bool Force);

    private static readonly Gen<Run> RunGen = Gen.Select(
        Gen.Select(Gen.Int[0, Paths.Length - 1], Gen.Int[0, Contents.Length - 1], Gen.Bool).Array[0, 6],
        Gen.Select(Gen.Int[0, Paths.Length - 1], Gen.Bool.Select(b => b ? "edit\n" : "one\n")).Array[0, 2],
        Gen.Bool,
        (files, edits, force) => new Run(
            [.. files.DistinctBy(f => f.Item1).Select(f => new GeneratedFile(Paths[f.Item1], Contents[f.Item2], f.Item3 ? FileOwnership.Scaffold : FileOwnership.Generated))],
            edits,
            force));

    [Fact]
    public void Every_run_either_writes_nothing_or_leaves_disk_and_manifest_in_agreement()
    {
        RunGen.Array[1, 4].Sample(runs =>
        {
            using var folder = new TempFolder();
            foreach (var run in runs)
            {
                foreach (var (path, text) in run.Edits)
                {
                    folder.Write(Paths[path], text);
                }
                var before = folder.Snapshot();
                var previous = ReadManifest(folder);

                var result = OutputWriter.Apply(folder.Root, Product, run.Files, new WriteOptions(Force: run.Force));

                if (result.HasErrors)
                {
                    Assert.False(run.Force);
                    Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.Contains(d.Id, new[] { "AP3105", "AP3106" }));
                    Assert.Equal(before, folder.Snapshot());
                    continue;
                }
                var generated = run.Files.Where(f => f.Ownership == FileOwnership.Generated).ToArray();
                foreach (var file in run.Files)
                {
                    Assert.True(folder.Exists(file.RelativePath));
                }
                foreach (var file in generated)
                {
                    Assert.Equal(file.Content, folder.Read(file.RelativePath));
                }
                var manifest = ReadManifest(folder);
                Assert.Equal(generated.Select(f => f.RelativePath).Order(StringComparer.Ordinal), manifest.Keys);
                Assert.All(manifest, e => Assert.Equal(e.Value, Sha256(folder.Read(e.Key))));
                // A leftover disappears only if it still held exactly what ArchPlan had written.
                foreach (var change in result.Value!.Changes.Where(c => c.Action is FileAction.Remove))
                {
                    Assert.False(folder.Exists(change.RelativePath));
                    Assert.True(previous.ContainsKey(change.RelativePath));
                }
                foreach (var change in result.Value.Changes.Where(c => c.Action is FileAction.KeepOrphan))
                {
                    Assert.NotEqual(previous[change.RelativePath], Sha256(folder.Read(change.RelativePath)));
                }
            }
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void A_failure_at_a_random_step_leaves_the_folder_exactly_as_it_was()
    {
        Gen.Select(RunGen, RunGen, Gen.Int[1, 12]).Sample((first, second, failAt) =>
        {
            using var folder = new TempFolder();
            OutputWriter.Apply(folder.Root, Product, first.Files, new WriteOptions(Force: true));
            var before = folder.Snapshot();
            var disk = new FaultyFileSystem(failAt);

            var result = OutputWriter.Apply(folder.Root, Product, second.Files, new WriteOptions(Force: true), disk);

            if (disk.Failed)
            {
                Assert.Equal("AP3112", Assert.Single(result.Diagnostics, d => d.IsError).Id);
                Assert.Equal(before, folder.Snapshot());
            }
            else
            {
                Assert.False(result.HasErrors);
            }
        }, iter: 60, threads: 1);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static SortedDictionary<string, string> ReadManifest(TempFolder folder)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!folder.Exists(ManifestPath))
        {
            return entries;
        }
        using var document = JsonDocument.Parse(folder.Read(ManifestPath));
        foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
        {
            entries.Add(file.GetProperty("path").GetString()!, file.GetProperty("sha256").GetString()!);
        }
        return entries;
    }
}
