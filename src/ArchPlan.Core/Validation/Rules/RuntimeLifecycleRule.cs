using System.Globalization;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Kinds.Lambda;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2070/AP2071: a Lambda function on a runtime AWS has deprecated, or will within the warning window.</summary>
internal sealed class RuntimeLifecycleRule(Func<DateOnly>? today = null) : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var date = (today ?? (() => Clock.Today))();
        foreach (var function in context.LambdaFunctions)
        {
            // What the generator reads: the stated Runtime attribute, else the runtime the resource list gave.
            var stated = function.Attributes.FirstOrDefault(a => a.Property == "Runtime");
            var runtime = stated?.Value ?? function.Runtime;
            if (string.IsNullOrWhiteSpace(runtime) || LambdaRuntimes.Warning(runtime, date) is not { } lifecycle)
            {
                continue;
            }
            var blocked = Blocked(lifecycle);
            var location = stated?.Location ?? function.Location;
            if (lifecycle.Deprecated <= date)
            {
                diagnostics.Add(DiagnosticCatalog.RuntimeDeprecated, location, Shown.Text(function.Name), lifecycle.Runtime, Day(lifecycle.Deprecated), blocked);
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.RuntimeDeprecatedSoon, location, Shown.Text(function.Name), lifecycle.Runtime, Day(lifecycle.Deprecated), blocked,
                    lifecycle.Deprecated.DayNumber - date.DayNumber);
            }
        }
    }

    private static string Blocked(RuntimeLifecycle lifecycle) => (lifecycle.CreateBlocked, lifecycle.UpdateBlocked) switch
    {
        ({ } create, { } update) => $"; creating functions on it is blocked from {Day(create)}, updating them from {Day(update)}",
        ({ } create, null) => $"; creating functions on it is blocked from {Day(create)}",
        (null, { } update) => $"; updating functions on it is blocked from {Day(update)}",
        _ => "",
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
