using System.Text;
using ArchPlan.Validation;
using Microsoft.CodeAnalysis.CSharp;

namespace ArchPlan.Generation.Templates;

/// <summary>The only ways plan text reaches generated C#: as a Roslyn-formatted literal, or as sanitised comment text; credentials redacted in both.</summary>
internal static class CSharpText
{
    /// <summary>A C# string literal with the exact value (quotes, backslashes, U+2028 and lone surrogates included), credentials redacted (<see cref="SafeText"/>).</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(SafeText.Redact(value), quote: true);

    /// <summary>
    /// A C# expression for plan text in a construct property: the literal, or, when the text holds what the AWS CDK reads as
    /// a token reference (<c>${Token[AWS.Region.6]}</c>), <c>Cdk::Fn.Sub</c> of it with every <c>${</c> written <c>${!</c>,
    /// which CloudFormation turns back into exactly the text while the CDK sees no token.
    /// </summary>
    public static string PropertyText(string value) =>
        value.Contains("${Token[", StringComparison.Ordinal) || value.Contains("#{Token[", StringComparison.Ordinal)
            ? $"Cdk::Fn.Sub({Literal(value.Replace("${", "${!", StringComparison.Ordinal))})"
            : Literal(value);

    /// <summary>
    /// Text safe inside a <c>//</c> comment: every line terminator the C# lexer knows (CR, LF, U+0085, U+2028, U+2029),
    /// other control and format characters (bidi overrides, zero-width) become spaces, and <c>*/</c> is broken.
    /// </summary>
    public static string Comment(string value)
    {
        value = SafeText.Redact(value);
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var unsafeChar = category is System.Globalization.UnicodeCategory.Control
                or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.OtherNotAssigned;
            if (unsafeChar)
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }
        // Lone surrogates are not runes: EnumerateRunes yields U+FFFD for them, which is harmless in a comment.
        return builder.ToString().Replace("*/", "* /", StringComparison.Ordinal).Trim();
    }
}
