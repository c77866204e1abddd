using System.Text;
using CsCheck;

namespace ArchPlan.Tests.Hostile;

/// <summary>
/// Hostile strings for the generator properties, and <see cref="Twin"/>, the benign string of the same structural
/// role that the oracle of <see cref="GeneratedCodePropertyTests"/> compares against.
/// </summary>
internal static class HostileText
{
    /// <summary>
    /// What plan text uses to escape a C# literal, a comment, a Liquid template, an XML/Markdown/JSON file or the
    /// lexer itself. Non-ASCII letters are lower case or caseless so that lower-casing (runtimes, engine words)
    /// treats them like the ASCII punctuation of their twin.
    /// </summary>
    public static readonly string[] Fragments =
    [
        "\"", "\\", "\\\"", "\\u0022", "\"\"\"", "'", "`", "|", "\\|", "*/", "/*", "//", "///", "#if DEBUG\n", "\n#define X\n", "#region",
        "{{ app.namespace }}", "{{", "}}", "{%", "%}", "{% raw %}", "{% endraw %}", "{{- x -}}", "{0}", "${X}", "$\"{x}\"", "@\"", "\"u8",
        "\r\n", "\n", "\r", "\t", "\v", "\f", "\0", "\u0001", "\u001B[31m", "\u007F", "\u0085", "\u00A0", "\u2028", "\u2029", "\u3000",
        "\u202E", "\u202D", "\u2066", "\u2069", "\u200B", "\u200D", "\u200E", "\uFEFF", "é", "日本", "ש", "مرحبا", "🙂", "👩‍👩‍👧", "\uD83D",
        "\uDE00", "<summary>", "</c>", "&amp;", "]]>", "-->", "<!--", "**", "_(from RDS)_", "[x](y)",
        "\"); Pwned(); //", "*/ public int Pwned; /*", "\u2028public int Pwned;", "\u0085 static void Pwned() {}", "\u2029class Pwned {}",
        "\"+Pwned()+\"", "\\\"); Pwned(); //", "\n}\nclass Pwned {\n", "{{ Pwned }}", "{% Pwned %}",
    ];

    private static readonly string[] PlainWords =
    [
        "class", "1st", "db", "host", "DB_HOST", "DbHost", "db-host", "namespace", "payments", "snapshot.py", "leaderboard-snapshot", "score",
        "api", "queue", "table", "bucket", "url", "arn", "name", "events", "worker", "App", "Stack", "System", "environment", "password",
        "user", "secret", "mysql", "postgres 15", "everyone", "Lambda", "ECS", "value", "Settings", "Vpc", "Cluster", "@this",
    ];

    public static Gen<T> Pick<T>(IReadOnlyList<T> values) => Gen.Int[0, values.Count - 1].Select(i => values[i]);

    /// <summary>A word as people write names: a known tricky word or random lower-case letters.</summary>
    public static readonly Gen<string> Word = Gen.OneOf<string>(Pick(PlainWords), Gen.String[Gen.Char['a', 'z'], 1, 8]);

    private static readonly Gen<string> Part = Gen.Frequency((2, (IGen<string>)Word), (3, Pick(Fragments)), (1, Gen.Const(" ")), (1, Gen.Const("-")));

    /// <summary>A string made of words and hostile fragments; one in twenty is a very long line (up to 6,000 characters).</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (19, (IGen<string>)Part.Array[1, 6].Select(parts => string.Concat(parts))),
        (1, Gen.Select(Pick(Fragments), Word, Gen.Int[200, 1500], (f, w, n) => Truncate(string.Concat(Enumerable.Repeat(w + f, n)), 6000))));

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    /// <summary>A name: mostly plain words, often hostile.</summary>
    public static readonly Gen<string> Name = Gen.Frequency((3, (IGen<string>)Word), (2, Value));

    // Characters that keep their meaning in the twin: the generator's naming looks only at ASCII letters and digits,
    // and its decisions look at these separators ('/', '.', ':' in images, '_' in variable names, '-', '@', '+', '=').
    private static bool KeepsItself(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '/' or ':' or '@' or '=' or '+' or ',';

    // Sixteen "digits" that are inert in every place plan text reaches (C# literal, comment, JSON, Markdown cell),
    // are no letters or digits (so names do not change), and none of the separators above.
    private const string Digits = "!?;()[]^&%$#<>|'";

    /// <summary>
    /// The benign twin of <paramref name="text"/>: every character the generator treats as a separator or word
    /// character stays; every other character becomes a fixed-length code of inert ASCII punctuation, and every
    /// white-space character a code of spaces and tabs only (so Trim, IsNullOrWhiteSpace and regex \s decide alike).
    /// Twin is injective (codes have a fixed length and start with a marker that is itself always encoded), maps
    /// concatenations to concatenations, and is the identity on benign text.
    /// </summary>
    public static string Twin(string? text)
    {
        if (text is null)
        {
            return null!;
        }
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (KeepsItself(c))
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length * 2);
            if (char.IsWhiteSpace(c))
            {
                builder.Append('\t');
                for (var bit = 15; bit >= 0; bit--)
                {
                    builder.Append(((c >> bit) & 1) == 1 ? '\t' : ' ');
                }
            }
            else
            {
                builder.Append('~');
                for (var shift = 12; shift >= 0; shift -= 4)
                {
                    builder.Append(Digits[(c >> shift) & 0xF]);
                }
            }
        }
        return builder?.ToString() ?? text;
    }
}
