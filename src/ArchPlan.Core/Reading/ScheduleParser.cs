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
                // EventBridge wants '?' in one of day-of-month and day-of-week; "* * * *" is a common slip.
                6 when fields[2] == "*" && fields[4] == "*" => $"cron({fields[0]} {fields[1]} * {fields[3]} ? {fields[5]})",
                6 => $"cron({string.Join(' ', fields)})",
                5 => FromUnixCron(fields),
                _ => null,
            };
            return expression is null || !IsValidCron(expression) ? null : new Schedule(expression, cron.Value);
        }
        if (Rate().Match(lower) is { Success: true } rate)
        {
            return Rate(int.Parse(rate.Groups["n"].Value, CultureInfo.InvariantCulture), rate.Groups["unit"].Value, Original(text, rate));
        }
        if (UnixCron().Match(text) is { Success: true } unix)
        {
            return new Schedule(FromUnixCron(unix.Groups["body"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)), Original(text, unix));
        }
        if (EveryN().Match(lower) is { Success: true } every)
        {
            var n = int.Parse(every.Groups["n"].Value, CultureInfo.InvariantCulture);
            return n < 1 ? null : Rate(n, every.Groups["unit"].Value, Original(text, every));
        }
        if (Weekdays().Match(lower) is { Success: true } weekdays)
        {
            if (Time(weekdays) is not { } at || NamesOtherZone(lower, weekdays))
            {
                return null;
            }
            var days = weekdays.Groups["weekend"].Success ? "SAT,SUN" : "MON-FRI";
            return new Schedule($"cron({at.Minute} {at.Hour} ? * {days} *)", Original(text, weekdays));
        }
        if (SeveralDays().Match(lower) is { Success: true } several)
        {
            if (Time(several) is not { } at || NamesOtherZone(lower, several))
            {
                return null;
            }
            var names = DayName().Matches(several.Groups["days"].Value).Select(m => m.Value[..3].ToUpperInvariant()).Distinct();
            return new Schedule($"cron({at.Minute} {at.Hour} ? * {string.Join(',', names)} *)", Original(text, several));
        }
        if (Monthly().Match(lower) is { Success: true } monthly)
        {
            if (Time(monthly) is not { } at || NamesOtherZone(lower, monthly))
            {
                return null;
            }
            var day = monthly.Groups["first"].Success ? 1 : int.Parse(monthly.Groups["day"].Value, CultureInfo.InvariantCulture);
            return day is < 1 or > 31 ? null : new Schedule($"cron({at.Minute} {at.Hour} {day} * ? *)", Original(text, monthly));
        }
        if (Weekly().Match(lower) is { Success: true } weekly)
        {
            if (Time(weekly) is not { } at || NamesOtherZone(lower, weekly))
            {
                return null;
            }
            var day = weekly.Groups["day"].Value[..3].ToUpperInvariant();
            return new Schedule($"cron({at.Minute} {at.Hour} ? * {day} *)", Original(text, weekly));
        }
        if (DailyAt().Match(lower) is { Success: true } daily)
        {
            if (Time(daily) is not { } at || NamesOtherZone(lower, daily))
            {
                return null;
            }
            return new Schedule($"cron({at.Minute} {at.Hour} * * ? *)", Original(text, daily));
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
                ? new Schedule("rate(7 days)", Original(text, unit))
                : Rate(1, normalized, Original(text, unit));
        }
        return null;
    }

    /// <summary>Checks the plain numbers of a cron expression against their field's range (minute 0–59, hour 0–23, day 1–31, month 1–12).</summary>
    private static bool IsValidCron(string expression)
    {
        var fields = expression["cron(".Length..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        (int Min, int Max)[] ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (1, 7), (1970, 2199)];
        for (var i = 0; i < Math.Min(fields.Length, ranges.Length); i++)
        {
            // Only the numbers before a '/' are positions; after it they are steps.
            foreach (var part in fields[i].Split(','))
            {
                foreach (var number in part.Split('/')[0].Split('-'))
                {
                    if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n < ranges[i].Min || n > ranges[i].Max))
                    {
                        return false;
                    }
                }
            }
        }
        return true;
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

    /// <summary>True when a time zone other than UTC follows the time: EventBridge cron is UTC, and converting would guess at daylight saving.</summary>
    private static bool NamesOtherZone(string lower, Match match) =>
        OtherZone().IsMatch(lower.AsSpan(match.Index + match.Length));

    /// <summary>The hour and minute of a "at 10:00 AM" match, or null when the time does not exist.</summary>
    private static (int Hour, int Minute)? Time(Match match)
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
        return hour is < 0 or > 23 || minute is < 0 or > 59 || (meridiem.Length > 0 && int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) is 0 or > 12)
            ? null
            : (hour, minute);
    }

    /// <summary>The plan's own words for a match: the patterns run on lower-cased text of the same length.</summary>
    private static string Original(string text, Match match) => text.Substring(match.Index, match.Length).Trim();

    /// <summary>Unix cron (minute hour day month weekday) to EventBridge's six fields.</summary>
    /// <remarks>Unix numbers weekdays 0–7 from Sunday, EventBridge 1–7 from Sunday: numbers become day names so neither reading can be wrong.</remarks>
    private static string FromUnixCron(string[] f) =>
        f[4] is "*" or "?"
            ? $"cron({f[0]} {f[1]} {f[2]} {f[3]} ? *)"
            : $"cron({f[0]} {f[1]} ? {f[3]} {UnixWeekdays().Replace(f[4], m => DayNames[int.Parse(m.Value, CultureInfo.InvariantCulture) % 7])} *)";

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    [GeneratedRegex(@"(?<![/\d])[0-7](?!\d)")]
    private static partial Regex UnixWeekdays();

    [GeneratedRegex(@"cron\((?<body>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Cron();

    [GeneratedRegex(@"rate\((?<n>\d+)\s*(?<unit>minutes?|hours?|days?)\)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"(?<![\w(])(?<body>(?:[\d*/,-]+|\?)(?:\s+(?:[\d*/,?-]+|[A-Z]{3}(?:-[A-Z]{3})?)){4})(?![\w)])")]
    private static partial Regex UnixCron();

    [GeneratedRegex(@"every\s+(?<n>\d+)\s*(?<unit>minutes?|mins?|hours?|hrs?|days?)\b")]
    private static partial Regex EveryN();

    private const string At = @"\s+at\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)?(?:\s*(?:utc|gmt)\b)?";

    [GeneratedRegex(@"(?:every\s+(?:weekday|work\s*day|business\s+day)|(?:on\s+)?(?:weekdays|workdays|business\s+days)|(?:every\s+)?mon(?:day)?\s*(?:-|–|to|through|thru)\s*fri(?:day)?|(?<weekend>every\s+weekend(?:\s+day)?|(?:on\s+)?weekends))" + At)]
    private static partial Regex Weekdays();

    [GeneratedRegex(@"(?:every|on)\s+(?<days>(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?(?:\s*(?:,|and|&)\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)+)" + At)]
    private static partial Regex SeveralDays();

    [GeneratedRegex(@"monday|tuesday|wednesday|thursday|friday|saturday|sunday")]
    private static partial Regex DayName();

    [GeneratedRegex(@"(?:(?:on\s+)?the\s+(?:(?<first>first(?:\s+day)?|1st)|(?<day>\d{1,2})(?:st|nd|rd|th))\s+(?:day\s+)?of\s+(?:every|each|the)\s+month|monthly\s+on\s+the\s+(?:(?<first>first|1st)|(?<day>\d{1,2})(?:st|nd|rd|th)))" + At)]
    private static partial Regex Monthly();

    [GeneratedRegex(@"(?:weekly\s+on|every)\s+(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\s+at\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)?(?:\s*(?:utc|gmt)\b)?")]
    private static partial Regex Weekly();

    [GeneratedRegex(@"(?:daily|nightly|every\s+day|each\s+day|every\s+night|once\s+a\s+day)\s+at\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)?(?:\s*(?:utc|gmt)\b)?|at\s+(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>a\.?m\.?|p\.?m\.?)?\s*(?:utc\s+)?(?:daily|nightly|every\s+day|each\s+day)")]
    private static partial Regex DailyAt();

    [GeneratedRegex(@"\b(?:every\s+(?<unit>minute|hour|day)|(?<unit>hourly|daily|nightly|weekly))\b")]
    private static partial Regex EveryUnit();

    [GeneratedRegex(@"\b(?:daily|hourly|nightly|weekly|every\s+\d|every\s+(?!(?:time|one|request|message|event|upload|object|item|change|call|order)s?\b)[a-z]+|every\s+(?:minute|hour|day|night|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|cron|rate\s*\(|schedule[ds]?\b)")]
    private static partial Regex ScheduleWords();

    [GeneratedRegex(@"^\s*\(?(?:pst|pdt|pt|est|edt|et|cst|cdt|mst|mdt|cet|cest|bst|ist|jst|kst|aest|aedt|eet|eest|wet|west|sgt|hkt|brt|local(?:\s+time)?|[a-z]+/[a-z_]+)\b")]
    private static partial Regex OtherZone();
}
