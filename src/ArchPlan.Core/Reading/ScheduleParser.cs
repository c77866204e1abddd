using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>Turns schedule wording ("daily at 10:00 AM UTC", "every 5 minutes", cron and rate) into an EventBridge expression.</summary>
public static partial class ScheduleParser
{
    /// <summary>The schedule in <paramref name="text"/>, or null when it states none (see <see cref="LooksLikeSchedule"/>).</summary>
    public static Schedule? Parse(string text)
    {
        var lower = text.ToLowerInvariant();

        if (Cron().Match(text) is { Success: true } cron)
        {
            var fields = cron.Groups["body"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var expression = fields.Length switch
            {
                6 => $"cron({string.Join(' ', fields)})",
                5 => FromUnixCron(fields),
                _ => null,
            };
            return expression is null ? null : new Schedule(expression, cron.Value);
        }
        if (Rate().Match(lower) is { Success: true } rate)
        {
            return Rate(int.Parse(rate.Groups["n"].Value, CultureInfo.InvariantCulture), rate.Groups["unit"].Value, rate.Value);
        }
        if (UnixCron().Match(text) is { Success: true } unix)
        {
            return new Schedule(FromUnixCron(unix.Groups["body"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)), unix.Value.Trim());
        }
        if (EveryN().Match(lower) is { Success: true } every)
        {
            return Rate(int.Parse(every.Groups["n"].Value, CultureInfo.InvariantCulture), every.Groups["unit"].Value, every.Value);
        }
        if (Weekly().Match(lower) is { Success: true } weekly)
        {
            var (hour, minute) = Time(weekly);
            var day = weekly.Groups["day"].Value[..3].ToUpperInvariant();
            return new Schedule($"cron({minute} {hour} ? * {day} *)", weekly.Value.Trim());
        }
        if (DailyAt().Match(lower) is { Success: true } daily)
        {
            var (hour, minute) = Time(daily);
            return new Schedule($"cron({minute} {hour} * * ? *)", daily.Value.Trim());
        }
        if (EveryUnit().Match(lower) is { Success: true } unit)
        {
            var word = unit.Groups["unit"].Value;
            var normalized = word switch
            {
                "hourly" => "hour",
                "daily" or "nightly" => "day",
                "weekly" => "week",
                _ => word,
            };
            return normalized == "week"
                ? new Schedule("rate(7 days)", unit.Value.Trim())
                : Rate(1, normalized, unit.Value.Trim());
        }
        return null;
    }

    /// <summary>True when the text talks about a schedule (so a failed <see cref="Parse"/> deserves a warning).</summary>
    public static bool LooksLikeSchedule(string text) => ScheduleWords().IsMatch(text.ToLowerInvariant());

    private static Schedule Rate(int n, string unit, string original)
    {
        var singular = unit.TrimEnd('s') switch
        {
            "min" or "minute" => "minute",
            "hr" or "hour" => "hour",
            _ => "day",
        };
        return new Schedule($"rate({n} {singular}{(n == 1 ? "" : "s")})", original.Trim());
    }

    private static (int Hour, int Minute) Time(Match match)
    {
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal);
        if (meridiem == "pm" && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem == "am" && hour == 12)
        {
            hour = 0;
        }
        return (Math.Clamp(hour, 0, 23), Math.Clamp(minute, 0, 59));
    }

    private static string FromUnixCron(string[] f) =>
        f[4] is "*" or "?"
            ? $"cron({f[0]} {f[1]} {f[2]} {f[3]} ? *)"
            : $"cron({f[0]} {f[1]} ? {f[3]} {f[4]} *)";

    [GeneratedRegex(@"cron\((?<body>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Cron();

    [GeneratedRegex(@"rate\((?<n>\d+)\s*(?<unit>minutes?|hours?|days?)\)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"(?<![\w(])(?<body>(?:[\d*/,-]+|\?)(?:\s+(?:[\d*/,?-]+|[A-Z]{3}(?:-[A-Z]{3})?)){4})(?![\w)])")]
    private static partial Regex UnixCron();

    [GeneratedRegex(@"every\s+(?<n>\d+)\s*(?<unit>minutes?|mins?|hours?|hrs?|days?)\b")]
    private static partial Regex EveryN();

    [GeneratedRegex(@"(?:weekly\s+on|every)\s+(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\s+at\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)?")]
    private static partial Regex Weekly();

    [GeneratedRegex(@"(?:daily|nightly|every\s+day|each\s+day|every\s+night|once\s+a\s+day)\s+at\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)?|at\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)?\s*(?:utc\s+)?(?:daily|nightly|every\s+day|each\s+day)")]
    private static partial Regex DailyAt();

    [GeneratedRegex(@"\b(?:every\s+(?<unit>minute|hour|day)|(?<unit>hourly|daily|nightly|weekly))\b")]
    private static partial Regex EveryUnit();

    [GeneratedRegex(@"\b(?:daily|hourly|nightly|weekly|every\s+\d|every\s+(?:minute|hour|day|night|week)|cron|rate\s*\(|schedule[ds]?\b)")]
    private static partial Regex ScheduleWords();
}
