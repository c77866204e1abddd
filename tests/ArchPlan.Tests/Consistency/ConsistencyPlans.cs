namespace ArchPlan.Tests.Consistency;

/// <summary>Small plans for the consistency tests: a resource list and a variables table, written the template's way.</summary>
internal static class ConsistencyPlans
{
    public static string Plan(string resources, string title = "Orders intake", string product = "orders", string configuration = DefaultConfiguration) =>
        $"""
        ---
        title: {title}
        date: 2026-01-15
        status: active
        author: Dana Ortiz
        product: {product}
        ---

        # {title}

        ## Infrastructure

        ### AWS Resources

        {resources}

        ## Configuration

        {configuration}
        """.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public const string DefaultConfiguration = """
        ### Environment Variables

        | Variable    | Description | Example | Required |
        | ----------- | ----------- | ------- | -------- |
        | `LOG_LEVEL` | Log level   | `info`  | No       |
        """;
}
