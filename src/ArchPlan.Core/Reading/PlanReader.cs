using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Markdig;
using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>Reads an architecture plan (Markdown with YAML front matter) into a <see cref="Plan"/> and its diagnostics.</summary>
public static partial class PlanReader
{
    /// <summary>The Markdown pipeline plans are read with; stages that map model spans back to text (tables) parse with it too.</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Use<OpenDelimiterCursorExtension>()
        .Build();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the plan at <paramref name="path"/>. The value is null only when the file could not be read as text.</summary>
    public static StageResult<Plan> Read(string path, ReadOptions? options = null) => Read(path, options, out _);

    /// <summary>Reads the plan and hands back the decoded text (without BOM) the model's offsets refer to, so later stages need not read the file again.</summary>
    internal static StageResult<Plan> Read(string path, ReadOptions? options, out string? text)
    {
        text = null;
        var file = InputFile.Read(path, ReadOptions.MaxPlanBytes);
        switch (file.Outcome)
        {
            case InputFileOutcome.Read:
                break;
            case InputFileOutcome.NotRegular:
                return Fail(DiagnosticCatalog.NotRegularFile.At(SourceLocation.OfFile(path), path, file.Detail));
            case InputFileOutcome.TooLarge:
                var size = new FileInfo(path).Length;
                return Fail(DiagnosticCatalog.FileTooLarge.At(SourceLocation.OfFile(path), Math.Max(size, ReadOptions.MaxPlanBytes + 1L), ReadOptions.MaxPlanBytes));
            default:
                return Fail(DiagnosticCatalog.FileNotFound.At(SourceLocation.OfFile(path), path, file.Detail));
        }
        var bytes = file.Bytes!;
        return ReadBytes(bytes, path, options, out text);
    }

    /// <summary>Reads a plan from its raw bytes (UTF-8, with or without BOM).</summary>
    public static StageResult<Plan> ReadBytes(ReadOnlySpan<byte> bytes, string path, ReadOptions? options = null) =>
        ReadBytes(bytes, path, options, out _);

    private static StageResult<Plan> ReadBytes(ReadOnlySpan<byte> bytes, string path, ReadOptions? options, out string? decoded)
    {
        decoded = null;
        if (bytes.Length > ReadOptions.MaxPlanBytes)
        {
            return Fail(DiagnosticCatalog.FileTooLarge.At(SourceLocation.OfFile(path), bytes.Length, ReadOptions.MaxPlanBytes));
        }
        if (InputFile.WideEncoding(bytes) is { } encoding)
        {
            return Fail(DiagnosticCatalog.WrongTextEncoding.At(SourceLocation.OfFile(path), encoding));
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Fail(DiagnosticCatalog.BinaryFile.At(SourceLocation.OfFile(path), nul));
        }
        var hasBom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var body = hasBom ? bytes[3..] : bytes;
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index + (hasBom ? 3 : 0);
            var line = 1 + bytes[..Math.Clamp(offset, 0, bytes.Length)].Count((byte)'\n');
            return Fail(new Diagnostic(DiagnosticCatalog.NotUtf8, new SourceLocation(path, line, 1), "", "", Severity.Error) with
            {
                Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticCatalog.NotUtf8.MessageFormat, offset, line),
                Help = DiagnosticCatalog.NotUtf8.HelpFormat,
            });
        }
        decoded = text;
        var result = Parse(text, path, options);
        if (!hasBom || result.Value is null)
        {
            return result;
        }
        return result with { Diagnostics = [DiagnosticCatalog.ByteOrderMark.At(new SourceLocation(path, 1, 1)), .. result.Diagnostics] };
    }

    /// <summary>Reads a plan from text (without BOM). Offsets in the model are offsets into <paramref name="text"/>.</summary>
    public static StageResult<Plan> Parse(string text, string path, ReadOptions? options = null)
    {
        options ??= new ReadOptions();
        var diagnostics = new DiagnosticBag();
        var source = new SourceText(path, text);
        if (text.Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticCatalog.EmptyFile, SourceLocation.OfFile(path));
            return new StageResult<Plan>(new Plan { FilePath = path, FrontMatter = FrontMatter.Missing(path) }, diagnostics.ToImmutableSorted());
        }

        var block = FrontMatterReader.Find(text);
        FrontMatter frontMatter;
        if (block is { } found)
        {
            frontMatter = FrontMatterReader.Read(source, found, diagnostics);
        }
        else
        {
            frontMatter = FrontMatter.Missing(path);
            // A '---' block after blank lines is the usual slip: point at it rather than at line 1.
            var firstText = text.Length - text.TrimStart().Length;
            var late = text.AsSpan(firstText).StartsWith("---", StringComparison.Ordinal) ? source.At(firstText, 3) : new SourceLocation(path, 1, 1);
            diagnostics.Add(DiagnosticCatalog.MissingFrontMatter, late);
        }

        var parseable = MarkdownGuard.Prepare(source, block is { Closed: true } fm ? fm.End : 0, diagnostics);
        if (parseable is null)
        {
            return new StageResult<Plan>(new Plan { FilePath = path, FrontMatter = frontMatter, Product = frontMatter.Product, ProductOrigin = frontMatter.Product is null ? ProductOrigin.None : ProductOrigin.FrontMatter, ProductLocation = frontMatter.Find("product")?.Location }, diagnostics.ToImmutableSorted());
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(parseable, Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException or IndexOutOfRangeException)
        {
            diagnostics.Add(DiagnosticCatalog.MarkdownTooDeep, SourceLocation.OfFile(path), ex.Message);
            return new StageResult<Plan>(new Plan { FilePath = path, FrontMatter = frontMatter, Product = frontMatter.Product, ProductOrigin = frontMatter.Product is null ? ProductOrigin.None : ProductOrigin.FrontMatter, ProductLocation = frontMatter.Find("product")?.Location }, diagnostics.ToImmutableSorted());
        }

        var outline = new Outline(document, source);
        var (product, origin, productLocation, stackFile) = FindProduct(document, outline, source, frontMatter, options, diagnostics);
        string Substitute(string s) => product is null ? s : s.Replace("[product]", product, StringComparison.Ordinal);

        // Resources first: a heading scopes the table under it only when it names the plan's compute.
        var resourceReader = new ResourceListReader(source, outline, diagnostics);
        var listedResources = resourceReader.Read(document, Substitute);
        var tables = new ConfigTableReader(source, outline, diagnostics, listedResources);
        tables.Read(document, Substitute);
        var listed = new VariableListReader(source, outline, listedResources).Read(document, Substitute);
        var code = new CodeBlockVariables(source, outline, listedResources);
        code.Read(document);
        var listedSecrets = MergeSecrets(tables.Secrets, resourceReader.Secrets);
        var secrets = MergeSecrets(listedSecrets, new ProseSecrets(source, outline).Read(document, Substitute, listedSecrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal)));
        // Tables first, then lists, then code examples: a variable is located where the document documents it.
        var runTime = ConfigurationBinder.MergeRepeated(tables.Variables.Concat(listed).Concat(code.RunTime.Where(v => !IsBuildTimeName(v.Name))));
        var variables = ConfigurationBinder.BindSecrets(ConfigurationBinder.MergeEnvironments(runTime), secrets);
        var buildTime = ConfigurationBinder.MergeRepeated(ConfigurationBinder.MergeEnvironments(
            [.. tables.BuildTimeVariables.Concat(code.BuildTime).Concat(code.RunTime.Where(v => IsBuildTimeName(v.Name))).OrderBy(v => v.Location.Start)]));
        // Then what the Architecture section and each resource's own words say about them.
        var linked = ArchitectureReader.Read(document, outline, source, listedResources, out var flows);
        var resources = Kinds.StatementReader.Read(linked, source, secrets.Select(s => s.Name).ToList(), flows);

        var sections = FindSections(outline, source, diagnostics);
        ReportMissingSections(sections, path, diagnostics);

        var plan = new Plan
        {
            FilePath = path,
            FrontMatter = frontMatter,
            Product = product,
            ProductOrigin = origin,
            ProductLocation = productLocation,
            StackFileName = stackFile is null ? null : Substitute(stackFile),
            Resources = resources.ToEquatableArray(),
            Variables = variables.ToEquatableArray(),
            BuildTimeVariables = buildTime.ToEquatableArray(),
            Secrets = secrets.ToEquatableArray(),
            Tables = tables.Tables.ToEquatableArray(),
            Sections = sections,
            Environments = variables.SelectMany(v => v.PerEnvironment).Select(e => e.Environment).Distinct().ToEquatableArray(),
            Mentions = MentionedNames.Read(document, source, Substitute).ToEquatableArray(),
        };
        return new StageResult<Plan>(plan, diagnostics.ToImmutableSorted());
    }

    private static (string? Product, ProductOrigin Origin, SourceLocation? Location, string? StackFile) FindProduct(
        MarkdownDocument document, Outline outline, SourceText source, FrontMatter frontMatter, ReadOptions options, DiagnosticBag diagnostics)
    {
        string? product = null;
        var origin = ProductOrigin.None;
        SourceLocation? location = null;
        if (frontMatter.Product is { } fromFrontMatter)
        {
            (product, origin, location) = (fromFrontMatter.Trim(), ProductOrigin.FrontMatter, frontMatter.Find("product")!.Location);
        }

        string? stackFile = null;
        var structure = outline.Headings.FirstOrDefault(h => SectionNames.IsStackStructure(h.Key));
        var candidates = document.Descendants<FencedCodeBlock>().Cast<LeafBlock>().Concat(document.Descendants<CodeBlock>())
            .Distinct()
            .OrderBy(c => structure is not null && c.Span.Start > structure.Start ? 0 : 1)
            .ThenBy(c => c.Span.Start);
        foreach (var code in candidates)
        {
            var content = code.Lines.ToString();
            var path = AppsPath().Match(content);
            if (!path.Success)
            {
                continue;
            }
            var slug = path.Groups["product"].Value;
            if (product is null && slug != "[product]")
            {
                var offset = code.Lines.Lines[0].Slice.Start + path.Groups["product"].Index;
                (product, origin, location) = (slug, ProductOrigin.StackStructure, source.At(offset, slug.Length));
            }
            stackFile ??= StackFile().Match(content) is { Success: true } file ? file.Value : null;
            break;
        }

        if (options.Product is { } option)
        {
            if (product is null)
            {
                (product, origin) = (option, ProductOrigin.Option);
            }
            else if (!string.Equals(product, option, StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticCatalog.ProductOptionIgnored, location ?? SourceLocation.OfFile(source.Path), product, option);
            }
        }
        return (product, origin, location, stackFile);
    }

    private static PlanSections FindSections(Outline outline, SourceText source, DiagnosticBag diagnostics)
    {
        SourceLocation? Find(Func<string, bool> predicate, string title, bool reportDuplicates)
        {
            var matches = outline.Headings.Where(h => predicate(h.Key)).ToList();
            if (reportDuplicates)
            {
                foreach (var duplicate in matches.Skip(1).Where(m => m.Level == matches[0].Level))
                {
                    diagnostics.Add(DiagnosticCatalog.DuplicateSection, source.AtLine(duplicate.Line, duplicate.Column), title, matches[0].Line + 1);
                }
            }
            return matches.Count == 0 ? null : source.AtLine(matches[0].Line, matches[0].Column);
        }

        var infrastructure = outline.Headings.FirstOrDefault(h => SectionNames.IsInfrastructure(h.Key));
        int? insertAt = null;
        if (infrastructure is not null)
        {
            insertAt = outline.SectionEnd(infrastructure, source.Text.Length);
        }
        return new PlanSections
        {
            Infrastructure = Find(SectionNames.IsInfrastructure, "Infrastructure", true),
            AwsResources = Find(SectionNames.IsAwsResources, "AWS Resources", true),
            StackStructure = Find(SectionNames.IsStackStructure, "CDK Stack Structure", false),
            Configuration = Find(SectionNames.IsConfiguration, "Configuration", true),
            EnvironmentVariables = Find(k => SectionNames.IsEnvironmentVariables(k), "Environment Variables", false),
            Secrets = Find(k => SectionNames.IsSecrets(k) && !SectionNames.IsCi(k), "Secrets", false),
            ConfigurationInsertOffset = insertAt,
        };
    }

    // A plan without configuration is the checker's to judge (AP2022, located where the section would go).
    private static void ReportMissingSections(PlanSections sections, string path, DiagnosticBag diagnostics)
    {
        var file = SourceLocation.OfFile(path);
        if (sections.AwsResources is null)
        {
            diagnostics.Add(DiagnosticCatalog.MissingSection, sections.Infrastructure ?? file, "AWS Resources",
                "Add '### AWS Resources' under '## Infrastructure' with one bullet per resource.");
        }
    }

    private static bool IsBuildTimeName(string name) => BuildTimeNames.IsBuildTime(name);

    /// <summary>The secrets tables name, then those only a list names.</summary>
    private static List<PlannedSecret> MergeSecrets(IReadOnlyList<PlannedSecret> tables, IReadOnlyList<PlannedSecret> listed)
    {
        var names = tables.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return [.. tables, .. listed.Where(s => names.Add(s.Name))];
    }

    private static StageResult<Plan> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);

    // Lazy and allowed to span slashes, so that "apps/../../etc/infra/cdk" yields a product the checker refuses
    // rather than no product at all.
    [GeneratedRegex(@"apps/(?<product>[^\s`]+?)/infra/cdk")]
    private static partial Regex AppsPath();

    [GeneratedRegex(@"[\w\[\].-]+(?:-stack|Stack|_stack)\.(?:ts|cs|py|js|java|go)")]
    private static partial Regex StackFile();
}
