using System.Collections.Immutable;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Planning;
using ArchPlan.Generation.Templates;
using ArchPlan.Generation.ViewModel;
using ArchPlan.Model;

namespace ArchPlan.Generation;

/// <summary>Turns a plan into the files of a C# AWS CDK app under <c>apps/&lt;product&gt;/infra/cdk/</c>.</summary>
public static class CdkAppGenerator
{
    /// <summary>Generates the app's files, sorted by path; on errors the value is a default (IsDefault) array and the diagnostics say why.</summary>
    public static StageResult<ImmutableArray<GeneratedFile>> Generate(Plan plan, GeneratorOptions options)
    {
        var app = GenerateApp(plan, options);
        return new StageResult<ImmutableArray<GeneratedFile>>(app.Value?.Files ?? default, app.Diagnostics);
    }

    /// <summary>Like <see cref="Generate"/>, and also says which stack class and construct id the files use (null on errors).</summary>
    public static StageResult<GeneratedApp> GenerateApp(Plan plan, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);

        var diagnostics = new DiagnosticBag();
        foreach (var (option, version) in new[] { ("--cdk-version", options.CdkLibVersion), ("--constructs-version", options.ConstructsVersion) })
        {
            if (!PackageVersions.IsValid(version))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidPackageVersion, SourceLocation.OfFile(plan.FilePath), option, version);
            }
        }
        if (diagnostics.HasErrors)
        {
            return new StageResult<GeneratedApp>(null, diagnostics.ToImmutableSorted());
        }
        var app = new StackPlanner(plan, options, diagnostics).Build();
        if (app is null || diagnostics.HasErrors)
        {
            return new StageResult<GeneratedApp>(null, diagnostics.ToImmutableSorted());
        }

        try
        {
            var files = Render(app, new TemplateEngine(options.TemplatesDirectory));
            // Refused here, at the plan line a name came from, rather than by the writer: check runs this too.
            diagnostics.AddRange(Output.GeneratedPaths.Check(plan, files));
            return diagnostics.HasErrors
                ? new StageResult<GeneratedApp>(null, diagnostics.ToImmutableSorted())
                : new StageResult<GeneratedApp>(new GeneratedApp(files, new StackIdentity(app.StackClass, app.StackId)), diagnostics.ToImmutableSorted());
        }
        catch (TemplateException ex)
        {
            diagnostics.Add(DiagnosticCatalog.GenerationTemplateError, SourceLocation.OfFile(ex.Template), ex.Template, ex.Reason);
            return new StageResult<GeneratedApp>(null, diagnostics.ToImmutableSorted());
        }
    }

    /// <summary>
    /// True for a path (relative to <c>apps/&lt;product&gt;/infra/cdk/</c>) of a kind this generator writes as
    /// <see cref="FileOwnership.Generated"/>: <c>cdk.json</c>, <c>README.md</c> and <c>src/**/*.g.cs</c>. Every other
    /// file of the app belongs to people, so the writer never deletes it, whatever the manifest says.
    /// </summary>
    public static bool IsGeneratedPath(string pathInApp)
    {
        ArgumentNullException.ThrowIfNull(pathInApp);
        return pathInApp is "cdk.json" or "README.md"
            || (pathInApp.StartsWith("src/", StringComparison.Ordinal) && pathInApp.EndsWith(".g.cs", StringComparison.Ordinal));
    }

    private static ImmutableArray<GeneratedFile> Render(AppView app, TemplateEngine engine)
    {
        var root = $"apps/{app.Product}/infra/cdk/";
        var project = $"src/{app.ProjectName}/";
        var files = ImmutableArray.CreateBuilder<GeneratedFile>();
        void Add(string path, string template, FileOwnership ownership, object? item = null) =>
            files.Add(new GeneratedFile(root + path, engine.Render(template, app, item), ownership));

        Add("cdk.json", "cdk.json.liquid", FileOwnership.Generated);
        Add("README.md", "README.md.liquid", FileOwnership.Generated);
        Add(".gitignore", "gitignore.liquid", FileOwnership.Scaffold);
        Add("package.json", "package.json.liquid", FileOwnership.Scaffold);
        Add("Directory.Build.props", "Directory.Build.props.liquid", FileOwnership.Scaffold);
        Add($"src/{app.ProjectName}.sln", "solution.sln.liquid", FileOwnership.Scaffold);
        Add(project + app.ProjectName + ".csproj", "project.csproj.liquid", FileOwnership.Scaffold);
        Add(project + "Program.cs", "Program.liquid", FileOwnership.Scaffold);
        Add(project + app.StackClass + ".cs", "Stack.liquid", FileOwnership.Scaffold);
        Add(project + app.StackClass + ".g.cs", "Stack.g.liquid", FileOwnership.Generated);
        Add(project + "PlanSettings.g.cs", "PlanSettings.g.liquid", FileOwnership.Generated);
        foreach (var function in app.Functions)
        {
            var (file, template) = function.RuntimeFamily switch
            {
                "PYTHON" => ("index.py", "handler.py.liquid"),
                "NODEJS" => ("index.js", "handler.js.liquid"),
                "RUBY" => ("index.rb", "handler.rb.liquid"),
                _ => ("README.md", "handler-README.md.liquid"),
            };
            Add($"{function.CodePath}/{file}", template, FileOwnership.Scaffold, function);
        }

        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }
}

/// <summary>The files of one generated app and the stack they define.</summary>
/// <param name="Files">Sorted by path.</param>
/// <param name="Stack">The stack class and construct id, to record in the manifest.</param>
public sealed record GeneratedApp(ImmutableArray<GeneratedFile> Files, StackIdentity Stack);
