using System.Globalization;
using System.Text;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Naming;
using ArchPlan.Generation.Output;
using ArchPlan.Validation;

namespace ArchPlan.Authoring;

/// <summary>What <c>archplan new</c> fills in.</summary>
/// <param name="Product">The product slug (<c>apps/&lt;product&gt;/infra/cdk</c>).</param>
/// <param name="Title">The plan's title, or null to leave the template's title placeholders for the author.</param>
/// <param name="Date">The plan's date (today, as the command runs).</param>
public sealed record NewPlanRequest(string Product, string? Title, DateOnly Date);

/// <summary>
/// Starts a plan from the embedded plan template (templates/plan-template.md): product, date and title filled in,
/// status active, and the C# stack structure named after the product. Every other placeholder stays for the author,
/// and <c>archplan check</c> reports each one (AP2001) until it is replaced.
/// </summary>
public static partial class NewPlan
{
    private const string ProductPlaceholder = "[product-slug]";
    private const string ProductToken = "[product]";
    private const string ProjectToken = "[Project]";
    private const string TitlePlaceholder = "[Brief Title]";
    private const string HeadingPlaceholder = "[Architecture Plan Title]";

    /// <summary>The plan's text, or errors when the product or the title cannot be used.</summary>
    public static StageResult<string> Render(NewPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var commandLine = SourceLocation.OfFile("archplan new");
        if (!ProductSlug.IsValid(request.Product))
        {
            var suggestion = Words.ToKebab(request.Product);
            diagnostics.Add(DiagnosticCatalog.NewPlanInvalidProduct, commandLine, request.Product,
                ProductSlug.IsValid(suggestion) ? suggestion : "my-product");
        }
        if (request.Title is { } title && (title.Trim().Length == 0 || title.AsSpan().ContainsAny('\r', '\n')))
        {
            diagnostics.Add(DiagnosticCatalog.NewPlanInvalidTitle, commandLine, "'" + title.ReplaceLineEndings(" ") + "'");
        }
        if (diagnostics.HasErrors)
        {
            return new StageResult<string>(null, diagnostics.ToImmutableSorted());
        }

        var text = TemplatePlaceholders.ReadTemplate().ReplaceLineEndings("\n");
        var frontMatterEnd = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var frontMatter = text[..frontMatterEnd];
        var body = text[frontMatterEnd..];
        frontMatter = frontMatter
            .Replace(TemplatePlaceholders.DatePlaceholder, request.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(ProductPlaceholder, request.Product, StringComparison.Ordinal);
        if (request.Title is { } given)
        {
            frontMatter = frontMatter.Replace(TitlePlaceholder, YamlString(given.Trim()), StringComparison.Ordinal);
            body = body.Replace("# " + HeadingPlaceholder, "# " + given.Trim(), StringComparison.Ordinal);
        }
        body = body
            .Replace(ProductToken, request.Product, StringComparison.Ordinal)
            .Replace(ProjectToken, ProjectName(request.Product), StringComparison.Ordinal);
        return new StageResult<string>(frontMatter + body, []);
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/>, creating its folder; never over an existing file
    /// (the file is opened create-new, so a file that appears meanwhile is not overwritten either), and never leaves a
    /// half-written file behind.
    /// </summary>
    public static StageResult<string> Write(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new DiagnosticBag();
        var location = SourceLocation.OfFile(path);
        if (File.Exists(path) || Directory.Exists(path))
        {
            diagnostics.Add(DiagnosticCatalog.NewPlanExists, location, path);
            return new StageResult<string>(null, diagnostics.ToImmutableSorted());
        }
        var created = false;
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            created = true;
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (!created && File.Exists(path))
        {
            diagnostics.Add(DiagnosticCatalog.NewPlanExists, location, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (created)
            {
                TryDelete(path);
            }
            diagnostics.Add(DiagnosticCatalog.NewPlanWriteFailed, location, path, e.Message);
        }
        return new StageResult<string>(diagnostics.HasErrors ? null : path, diagnostics.ToImmutableSorted());
    }

    /// <summary>The C# project name <c>archplan generate</c> gives the product's app (<c>payments-api</c> → <c>PaymentsApi</c>).</summary>
    internal static string ProjectName(string product)
    {
        var name = Words.ToPascal(product);
        return name.Length > 0 && char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    // The title as a YAML scalar: plain when it reads back as written, else double-quoted ('Payments: v2', '#1').
    private static string YamlString(string value)
    {
        if (PlainTitle().IsMatch(value))
        {
            return value;
        }
        var escaped = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => escaped.Append("\\\""),
                '\\' => escaped.Append("\\\\"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }
        return escaped.Append('"').ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ,.()/_+-]*\z")]
    private static partial System.Text.RegularExpressions.Regex PlainTitle();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write failed already; that is what is reported.
        }
    }
}
