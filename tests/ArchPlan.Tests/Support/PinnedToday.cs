using System.Runtime.CompilerServices;
using ArchPlan.Common;

namespace ArchPlan.Tests.Support;

/// <summary>
/// Pins the date date-dependent rules see (Lambda runtime deprecations), so golden files and expected output do not
/// change on their own as the calendar moves. A run can choose another day with ARCHPLAN_TODAY.
/// </summary>
internal static class PinnedToday
{
    public const string Date = "2026-12-07";

    [ModuleInitializer]
    internal static void Pin()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Clock.TodayVariable)))
        {
            Environment.SetEnvironmentVariable(Clock.TodayVariable, Date);
        }
    }
}
