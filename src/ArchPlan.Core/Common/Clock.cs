using System.Globalization;

namespace ArchPlan.Common;

/// <summary>
/// Today's date (UTC) for rules that depend on it. <c>ARCHPLAN_TODAY=YYYY-MM-DD</c> pins it, so that CI logs, golden
/// files and a re-run next year agree on what a plan said on a given day.
/// </summary>
public static class Clock
{
    /// <summary>The environment variable that pins today's date.</summary>
    public const string TodayVariable = "ARCHPLAN_TODAY";

    /// <summary>Today in UTC, or the date <c>ARCHPLAN_TODAY</c> gives.</summary>
    public static DateOnly Today =>
        Environment.GetEnvironmentVariable(TodayVariable) is { Length: > 0 } pinned
        && DateOnly.TryParseExact(pinned.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : DateOnly.FromDateTime(DateTime.UtcNow);
}
