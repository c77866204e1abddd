using System.Globalization;
using System.Text;

namespace ArchPlan.Validation;

/// <summary>Plan text made safe to put in a diagnostic message.</summary>
/// <remarks>
/// Messages end up in terminals and CI logs: an escape character would recolour the terminal, a bidi
/// override would reorder the line, a zero-width space would hide why two names differ. Such characters
/// are shown as <c>&lt;U+200B&gt;</c>, and very long text is cut short.
/// </remarks>
internal static class Shown
{
    private const int MaxLength = 80;

    private const int KeptLength = 60;

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsHidden(rune.Value))
            {
                builder.Append(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>");
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }
        var shown = builder.ToString();
        return shown.Length <= MaxLength
            ? shown
            : string.Create(CultureInfo.InvariantCulture, $"{shown[..KeptLength]}… ({value.Length} characters)");
    }

    /// <summary>True for characters that are invisible or act on the display: controls, bidi and zero-width marks, line separators.</summary>
    public static bool IsHidden(int c) =>
        c < 0x20 || c is >= 0x7F and <= 0x9F
        || IsBidiControl(c)
        || c is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or 0x00AD
        || c is 0x2028 or 0x2029
        || c == 0xFFFD;

    /// <summary>The characters that change text direction (Trojan Source, CVE-2021-42574).</summary>
    public static bool IsBidiControl(int c) =>
        c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C;
}
