using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2033: a PEM private key block anywhere in the plan text (a code block, a list).</summary>
/// <remarks>
/// Only multi-line blocks: a key written on one line sits in a table cell, where AP2016 reports it.
/// A block whose body is a placeholder (<c>...</c>, <c>XXXX</c>) is an illustration, not a key.
/// </remarks>
internal sealed partial class PrivateKeyBlockRule : IPlanRule
{
    private const int MinBodyLength = 32;

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (Match match in Block().Matches(context.SourceText))
        {
            var body = string.Concat(match.Groups["body"].Value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='));
            if (body.Length >= MinBodyLength && !CredentialScanner.IsPlaceholder(match.Groups["body"].Value))
            {
                diagnostics.Add(DiagnosticCatalog.PrivateKeyInPlan, context.LocationOf(match.Index, match.Length));
            }
        }
    }

    /// <summary>A BEGIN line ending after its dashes, then the body lines up to the next dashes.</summary>
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[ \t]*(?:\r\n|\r|\n)(?<body>[^-]*)")]
    private static partial Regex Block();
}
