using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Validation;

namespace ArchPlan.Tables;

/// <summary>What of the infrastructure's text may reach the printed tables and the plan.</summary>
public sealed partial record TableModel
{
    /// <summary>
    /// Rows made safe to print and to write into a plan: a value that looks like a credential, or that holds a character a
    /// plan cannot hold (NUL, ESC, BEL, other controls, bidi controls), becomes unknown (the plan's cell is kept; AP2050,
    /// AP2051); a variable or secret whose name holds such characters or a credential is left out (AP2052); other names
    /// the rows show (the resources using a variable, a referenced resource, JSON fields) have control characters written
    /// as <c>&lt;U+001B&gt;</c> and credentials redacted.
    /// </summary>
    private static (List<CodeVariable> Variables, List<CodeSecret> Secrets) Safe(
        IEnumerable<(CodeVariable Row, InfraVariable Source, string Owner)> variables, IEnumerable<(CodeSecret Row, SourceLocation Location)> secrets, DiagnosticBag diagnostics)
    {
        var safeVariables = new List<CodeVariable>();
        foreach (var (row, source, owner) in variables)
        {
            if (UnsafeName(row.Name) is { } why)
            {
                diagnostics.Add(DiagnosticCatalog.UnwritableInfrastructureName, source.Location.Source, "variable", row.Name, why);
                continue;
            }
            var value = row.Value;
            if (value.Kind == CodeValueKind.Literal && value.Text is { Length: > 0 } text)
            {
                if (SafeText.FirstUnwritable(text) is { } c)
                {
                    diagnostics.Add(DiagnosticCatalog.UnwritableInfrastructureValue, source.Location.Source, row.Name, owner, SafeText.CodePoint(c));
                    value = new CodeValue(CodeValueKind.Unknown);
                }
                else if (CredentialScanner.Scan(text, row.Name) is { } kind)
                {
                    diagnostics.Add(DiagnosticCatalog.CredentialInInfrastructure, source.Location.Source, row.Name, owner, CredentialScanner.Describe(kind));
                    value = new CodeValue(CodeValueKind.Unknown);
                }
            }
            else if (value.Kind != CodeValueKind.Unknown)
            {
                value = value with
                {
                    Text = Shown(value.Text),
                    Resource = Shown(value.Resource),
                    Secret = Shown(value.Secret),
                };
            }
            safeVariables.Add(row with
            {
                Value = value,
                UsedBy = row.UsedBy.Select(u => Shown(u)!).ToEquatableArray(),
                Aliases = row.Aliases.Where(a => UnsafeName(a) is null).ToEquatableArray(),
            });
        }

        var safeSecrets = new List<CodeSecret>();
        foreach (var (secret, location) in secrets)
        {
            if (UnsafeName(secret.Name) is { } why)
            {
                diagnostics.Add(DiagnosticCatalog.UnwritableInfrastructureName, location, "secret", secret.Name, why);
                continue;
            }
            safeSecrets.Add(secret with { Fields = secret.Fields.Select(f => Shown(f)!).ToEquatableArray() });
        }
        return (safeVariables, safeSecrets);
    }

    private static string? UnsafeName(string name) =>
        SafeText.FirstUnwritable(name) is { } c ? $"holds {SafeText.CodePoint(c)}, a control character"
        : CredentialScanner.Scan(name) is { } kind ? $"looks like a credential ({CredentialScanner.Describe(kind)})"
        : null;

    private static string? Shown(string? text) => text is null ? null : SafeText.ForDisplay(text);
}
