using System.Globalization;
using System.Text;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2034, AP2035: invisible direction controls and control characters in the plan text.</summary>
/// <remarks>
/// One diagnostic of each kind per line, at the first such character. Tab is allowed; CR and LF are line
/// endings; U+0085, U+2028 and U+2029 are legal text (the generator escapes them). NUL makes the file
/// binary, which the reader reports.
/// </remarks>
internal sealed class HiddenCharacterRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var (number, start, text) in context.Lines())
        {
            var bidi = -1;
            var control = -1;
            for (var i = 0; i < text.Length && (bidi < 0 || control < 0); i++)
            {
                int c = text[i];
                if (bidi < 0 && Shown.IsBidiControl(c))
                {
                    bidi = i;
                }
                else if (control < 0 && IsControl(c))
                {
                    control = i;
                }
            }
            if (bidi >= 0)
            {
                diagnostics.Add(DiagnosticCatalog.BidiControlCharacter, At(context, number, start, bidi), CodePoint(text[bidi]));
            }
            if (control >= 0)
            {
                diagnostics.Add(DiagnosticCatalog.ControlCharacter, At(context, number, start, control), CodePoint(text[control]));
            }
        }
    }

    private static bool IsControl(int c) => c is (> 0 and < 0x20 and not '\t' and not '\r' and not '\n') or 0x7F or (>= 0x80 and <= 0x9F and not 0x85);

    private static SourceLocation At(ValidationContext context, int line, int lineStart, int index) =>
        new(context.Plan.FilePath, line, index + 1, lineStart + index, 1);

    private static string CodePoint(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
