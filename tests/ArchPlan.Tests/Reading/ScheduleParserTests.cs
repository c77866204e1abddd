using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class ScheduleParserTests
{
    [Theory]
    [InlineData("daily at 10:00 AM UTC", "cron(0 10 * * ? *)", "daily at 10:00 AM UTC")]
    [InlineData("Daily at 6:30 PM", "cron(30 18 * * ? *)", "Daily at 6:30 PM")]
    [InlineData("nightly at 2 AM", "cron(0 2 * * ? *)", "nightly at 2 AM")]
    [InlineData("runs every day at 12 AM", "cron(0 0 * * ? *)", "every day at 12 AM")]
    [InlineData("every day at 14:05", "cron(5 14 * * ? *)", "every day at 14:05")]
    [InlineData("at 3 AM daily", "cron(0 3 * * ? *)", "at 3 AM daily")]
    [InlineData("every 5 minutes, triggers `api`", "rate(5 minutes)", "every 5 minutes")]
    [InlineData("every 2 hours", "rate(2 hours)", "every 2 hours")]
    [InlineData("every 1 day", "rate(1 day)", "every 1 day")]
    [InlineData("every minute", "rate(1 minute)", "every minute")]
    [InlineData("every hour", "rate(1 hour)", "every hour")]
    [InlineData("hourly", "rate(1 hour)", "hourly")]
    [InlineData("Runs hourly", "rate(1 hour)", "hourly")]
    [InlineData("daily", "rate(1 day)", "daily")]
    [InlineData("weekly", "rate(7 days)", "weekly")]
    [InlineData("every Monday at 9:00", "cron(0 9 ? * MON *)", "every Monday at 9:00")]
    [InlineData("weekly on Friday at 5:30 PM UTC", "cron(30 17 ? * FRI *)", "weekly on Friday at 5:30 PM UTC")]
    [InlineData("0 10 * * *", "cron(0 10 * * ? *)", "0 10 * * *")]
    [InlineData("schedule `30 2 * * 1-5`", "cron(30 2 ? * MON-FRI *)", "30 2 * * 1-5")]
    [InlineData("0 4 * * 0", "cron(0 4 ? * SUN *)", "0 4 * * 0")]
    [InlineData("0 0 1 * *", "cron(0 0 1 * ? *)", "0 0 1 * *")]
    [InlineData("cron(0 3 ? * MON-FRI *)", "cron(0 3 ? * MON-FRI *)", "cron(0 3 ? * MON-FRI *)")]
    [InlineData("cron(0 10 * * *)", "cron(0 10 * * ? *)", "cron(0 10 * * *)")]
    [InlineData("rate(1 hour)", "rate(1 hour)", "rate(1 hour)")]
    [InlineData("Rate(5 Minutes)", "rate(5 minutes)", "Rate(5 Minutes)")]
    [InlineData("cron(0/15 8-17 ? * MON-FRI *)", "cron(0/15 8-17 ? * MON-FRI *)", "cron(0/15 8-17 ? * MON-FRI *)")]
    [InlineData("cron(0 10 * * * *)", "cron(0 10 * * ? *)", "cron(0 10 * * * *)")]
    public void Turns_schedule_wording_into_an_eventbridge_expression(string text, string expression, string words)
    {
        var schedule = ScheduleParser.Parse(text);

        Assert.NotNull(schedule);
        Assert.Equal(expression, schedule.Expression);
        Assert.Equal(words, schedule.Text);
    }

    [Theory]
    [InlineData("5xx above 1% over 5 minutes, notifies `ops-alerts`")]
    [InlineData("standard workflow")]
    [InlineData("Python 3.12, 512 MB, timeout 15 min")]
    [InlineData("1024 CPU / 2048 MB, 2 tasks")]
    public void Finds_no_schedule_in_text_that_states_none(string text) => Assert.Null(ScheduleParser.Parse(text));

    [Theory]
    [InlineData("on every upload to the bucket")]
    [InlineData("S3 object created events")]
    public void Does_not_mistake_event_wording_for_a_schedule(string text) => Assert.False(ScheduleParser.LooksLikeSchedule(text));

    [Theory]
    [InlineData("daily at 25:00")]
    [InlineData("every 0 minutes")]
    [InlineData("cron(0 10 * *)")]
    [InlineData("daily at 9:00 AM PST")]
    [InlineData("every Monday at 9 AM Europe/Berlin")]
    [InlineData("every blue moon")]
    [InlineData("cron(0 25 * * ? *)")]
    [InlineData("cron(61 10 * * ? *)")]
    [InlineData("cron(0 10 32 * ? *)")]
    public void Refuses_schedules_it_cannot_express_exactly(string text)
    {
        Assert.Null(ScheduleParser.Parse(text));
        Assert.True(ScheduleParser.LooksLikeSchedule(text));
    }
}
