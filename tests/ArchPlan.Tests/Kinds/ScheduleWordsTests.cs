using ArchPlan.Reading;

namespace ArchPlan.Tests.Kinds;

/// <summary>Schedules in words people use for business jobs: weekdays, several named days, a day of the month.</summary>
public sealed class ScheduleWordsTests
{
    [Theory]
    [InlineData("every weekday at 9", "cron(0 9 ? * MON-FRI *)")]
    [InlineData("every weekday at 06:30 UTC", "cron(30 6 ? * MON-FRI *)")]
    [InlineData("on weekdays at 7pm", "cron(0 19 ? * MON-FRI *)")]
    [InlineData("Monday to Friday at 08:15", "cron(15 8 ? * MON-FRI *)")]
    [InlineData("Mon–Fri at 23:00 UTC", "cron(0 23 ? * MON-FRI *)")]
    [InlineData("every weekend at 10am", "cron(0 10 ? * SAT,SUN *)")]
    [InlineData("every Monday and Thursday at 9:00", "cron(0 9 ? * MON,THU *)")]
    [InlineData("on Tuesdays, Wednesdays and Fridays at 5 pm", "cron(0 17 ? * TUE,WED,FRI *)")]
    [InlineData("on the 1st of every month at 03:00", "cron(0 3 1 * ? *)")]
    [InlineData("the first day of each month at 2am", "cron(0 2 1 * ? *)")]
    [InlineData("monthly on the 15th at 12:00", "cron(0 12 15 * ? *)")]
    [InlineData("daily at 02:30 UTC", "cron(30 2 * * ? *)")]
    public void Reads_the_schedule(string words, string expression) => Assert.Equal(expression, ScheduleParser.Parse(words)?.Expression);

    [Theory]
    [InlineData("every weekday at 25:00")]
    [InlineData("every weekday at 9 PST")]
    [InlineData("on the 32nd of every month at 03:00")]
    public void Refuses_times_that_do_not_exist_or_name_another_zone(string words) => Assert.Null(ScheduleParser.Parse(words));
}
