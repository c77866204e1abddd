using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using ArchPlan.Common;
using ArchPlan.Generation.ViewModel;
using Fluid;
using Fluid.Values;

namespace ArchPlan.Generation.Templates;

/// <summary>
/// Renders the templates under <c>templates/cdk/</c> (embedded in this assembly; a file of the same name in an
/// override folder wins). Fluid is configured once: one parser, strict about unknown variables and filters, and
/// only the view-model types are readable. Templates are parsed from files only, never from plan text.
/// </summary>
internal sealed class TemplateEngine
{
    // Template names avoid a second extension such as ".cs": MSBuild would read "cs" as a culture (Czech) and move
    // the file into a satellite assembly.
    private const string ResourcePrefix = "templates/cdk/";

    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false, AllowParentheses = false });
    private static readonly TemplateOptions Options = CreateOptions();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> EmbeddedCache = new(StringComparer.Ordinal);

    private readonly string? _overrideDirectory;
    private readonly Dictionary<string, IFluidTemplate> _overrides = new(StringComparer.Ordinal);

    public TemplateEngine(string? overrideDirectory) => _overrideDirectory = overrideDirectory;

    /// <summary>The names of the embedded templates.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } =
        [.. typeof(TemplateEngine).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)];

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            StrictVariables = true,
            StrictFilters = true,
            CultureInfo = CultureInfo.InvariantCulture,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in new[]
        {
            typeof(AppView), typeof(SettingView), typeof(SecretView), typeof(Origin), typeof(ConstructView), typeof(FunctionView),
            typeof(NotGeneratedView), typeof(WiringView), typeof(ReadmeVariableView), typeof(AcknowledgementView), typeof(GrantReasonView),
        })
        {
            options.MemberAccessStrategy.Register(type);
        }

        options.Filters.AddFilter("cs", (input, _, _) => Text(CSharpText.Literal(input.ToStringValue())));
        options.Filters.AddFilter("cs_comment", (input, _, _) => Text(CSharpText.Comment(input.ToStringValue())));
        options.Filters.AddFilter("json", (input, _, _) => Text(CompactJson.String(Validation.SafeText.Redact(input.ToStringValue()))));
        options.Filters.AddFilter("xml", (input, _, _) => Text(System.Security.SecurityElement.Escape(Validation.SafeText.Redact(input.ToStringValue())) ?? ""));
        options.Filters.AddFilter("md", (input, _, _) => Text(MarkdownText.Inline(input.ToStringValue())));
        options.Filters.AddFilter("md_code", (input, _, _) => Text(MarkdownText.Code(input.ToStringValue())));
        return options;
    }

    private static ValueTask<FluidValue> Text(string value) => new(new StringValue(value));

    /// <summary>Renders <paramref name="name"/> with <c>app</c> (and <c>item</c>, when given) in scope.</summary>
    /// <exception cref="TemplateException">The template is missing, does not parse, or fails while rendering.</exception>
    public string Render(string name, AppView app, object? item = null)
    {
        var template = Load(name);
        var context = new TemplateContext(Options);
        context.SetValue("app", FluidValue.Create(app, Options));
        if (item is not null)
        {
            context.SetValue("item", FluidValue.Create(item, Options));
        }
        try
        {
            return Normalize(template.Render(context, NullEncoder.Default));
        }
        catch (Exception ex) when (ex is FluidException or InvalidOperationException or ParseException or ArgumentException or FormatException or NullReferenceException)
        {
            throw new TemplateException(SourceOf(name), ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Fluid reads an {% include %} through its file provider, which reads nothing: the exception names only the
            // included path, so say which template asked for it.
            throw new TemplateException(SourceOf(name), $"{{% include %}} is not supported, '{ex.Message}' was not read; copy the text into the template instead", ex);
        }
    }

    /// <summary>Override templates larger than this are refused (the built-in ones are a few kilobytes).</summary>
    private const long MaxOverrideBytes = 2 * 1024 * 1024;
    /// <summary>The file a template was read from: the override's full path, else the embedded template's name.</summary>
    private string SourceOf(string name) =>
        _overrideDirectory is not null && _overrides.ContainsKey(name) ? Path.GetFullPath(Path.Combine(_overrideDirectory, name)) : name;

    private IFluidTemplate Load(string name)
    {
        if (_overrideDirectory is not null)
        {
            if (_overrides.TryGetValue(name, out var cached))
            {
                return cached;
            }
            var path = Path.Combine(_overrideDirectory, name);
            if (File.Exists(path))
            {
                // A --templates folder is input like any other: regular files only, read within a cap.
                var read = InputFile.Read(path, MaxOverrideBytes);
                if (read.Outcome != InputFileOutcome.Read)
                {
                    throw new TemplateException(name, $"cannot read '{path}': {read.Detail}", null);
                }
                var parsed = Parse(name, InputFile.DecodeText(read.Bytes!));
                _overrides[name] = parsed;
                return parsed;
            }
        }
        return EmbeddedCache.GetOrAdd(name, static n => Parse(n, ReadEmbedded(n)));
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(TemplateEngine).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new TemplateException(name, "no such template", null);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static IFluidTemplate Parse(string name, string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new TemplateException(name, error ?? "parse error", null);

    /// <summary>LF endings, no trailing spaces, no runs of blank lines, no leading blank lines, one final newline.</summary>
    internal static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var builder = new StringBuilder(text.Length);
        var blank = true;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd(' ', '\t');
            if (line.Length == 0)
            {
                if (!blank)
                {
                    builder.Append('\n');
                }
                blank = true;
                continue;
            }
            builder.Append(line).Append('\n');
            blank = false;
        }
        var result = builder.ToString().TrimEnd('\n');
        return result + "\n";
    }
}

/// <summary>A template could not be loaded, parsed or rendered.</summary>
internal sealed class TemplateException(string template, string message, Exception? inner)
    : Exception($"{template}: {message}", inner)
{
    public string Template { get; } = template;

    public string Reason { get; } = message;
}
