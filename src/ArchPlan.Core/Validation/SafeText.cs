using System.Globalization;
using System.Text;

namespace ArchPlan.Validation;

/// <summary>
/// The one place that decides what text from a plan or a template may be printed or written: credentials are
/// replaced by <c>&lt;redacted: kind&gt;</c> (found by <see cref="CredentialScanner"/>), and characters that act on
/// a terminal or hide text (control, bidi, zero-width; <see cref="Shown.IsHidden"/>) are shown as <c>&lt;U+001B&gt;</c>.
/// </summary>
/// <remarks>
/// Every output path uses it: diagnostics (their arguments, in <c>DiagnosticDescriptor.At</c> and the diff's
/// findings), <c>show</c> (text and JSON), <c>diff</c> (every format), <c>tables</c> (printed tables, the plan
/// diff, and what <c>--write</c> may put in a plan) and the generated app (C# literals and comments, cdk.json,
/// README). docs/credentials.md lists the patterns.
/// </remarks>
public static class SafeText
{
    /// <summary>What stands in for a credential: <c>&lt;redacted: AWS access key id&gt;</c>.</summary>
    public static string Marker(CredentialKind kind) => $"<redacted: {CredentialScanner.Describe(kind)}>";

    /// <summary>True when <paramref name="text"/> holds something that looks like a credential.</summary>
    public static bool HasCredential(string? text, string? context = null) =>
        !string.IsNullOrEmpty(text) && CredentialScanner.Scan(text, context) is not null;

    /// <summary>
    /// <paramref name="text"/> with the secret part of every credential replaced by its <see cref="Marker"/>
    /// (<c>postgres://app:&lt;redacted: password in a connection string&gt;@db/app</c>); other text is kept as is.
    /// </summary>
    public static string Redact(string text, string? context = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var found = CredentialScanner.Find(text, context);
        if (found.Count == 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (var match in found)
        {
            builder.Append(text, last, match.Index - last).Append(Marker(match.Kind));
            last = match.Index + match.Length;
        }
        return builder.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>Text with every hidden or terminal-controlling character (newlines and tabs included) shown as <c>&lt;U+XXXX&gt;</c>; nothing is cut.</summary>
    public static string Escape(string text) => Escape(text, keepLineBreaks: false);

    /// <summary>Text for a terminal or a log: credentials redacted, hidden characters shown as <c>&lt;U+XXXX&gt;</c>.</summary>
    public static string ForDisplay(string? text, string? context = null) =>
        string.IsNullOrEmpty(text) ? "" : Escape(Redact(text, context));

    /// <summary>
    /// Multi-line output (a unified diff, a rendered table): credentials redacted line by line, every hidden character
    /// except the line breaks and tabs the output is made of shown as <c>&lt;U+XXXX&gt;</c>.
    /// </summary>
    public static string ForDisplayLines(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Escape(Redact(lines[i]), keepLineBreaks: true);
        }
        return string.Join('\n', lines);
    }

    /// <summary>A diagnostic or finding argument: strings made safe with <see cref="ForDisplay"/>, other values as they are.</summary>
    public static object? Argument(object? argument) => argument is string text ? ForDisplay(text) : argument;

    /// <summary>
    /// The first character of <paramref name="text"/> a plan cannot hold, or null: NUL (the reader refuses the file),
    /// other C0 controls but tab, CR and LF, DEL, C1 controls but U+0085 (AP2035) and bidi controls (AP2034).
    /// </summary>
    public static int? FirstUnwritable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        foreach (var c in text)
        {
            if (c is (< (char)0x20 and not '\t' and not '\r' and not '\n') or (char)0x7F or (>= (char)0x80 and <= (char)0x9F and not (char)0x85)
                || Shown.IsBidiControl(c))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary><c>U+001B</c>, for messages.</summary>
    public static string CodePoint(int c) => string.Create(CultureInfo.InvariantCulture, $"U+{c:X4}");

    private static string Escape(string text, bool keepLineBreaks)
    {
        StringBuilder? builder = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var keep = !Shown.IsHidden(rune.Value) || (keepLineBreaks && rune.Value is '\t' or '\r');
            if (!keep)
            {
                builder ??= new StringBuilder(text, 0, index, text.Length + 16);
                builder.Append(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>");
            }
            else
            {
                builder?.Append(rune.ToString());
            }
            index += rune.Utf16SequenceLength;
        }
        return builder?.ToString() ?? text;
    }
}
