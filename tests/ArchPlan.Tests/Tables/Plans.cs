namespace ArchPlan.Tests.Tables;

/// <summary>A small plan in the template's shape, and the pieces the tests change in it.</summary>
internal static class Plans
{
    public const string Head = """
        ---
        title: Orders API
        product: orders
        ---

        # Orders API

        ## Overview

        Serves orders. The cost table is not configuration.

        | Resource | Cost |
        | -------- | ---- |
        | Lambda   | $1   |

        ## Infrastructure (CDK/Terraform)

        ### AWS Resources

        - **Lambda Function** `orders-api` — Python 3.12, 256 MB
        - **DynamoDB Table** `orders`

        ```text
        | not | a table |
        | --- | ------- |
        ```

        ---


        """;

    // The PAGE_SIZE row is deliberately out of line: an up-to-date table must not be re-padded.
    public const string Variables = """
        | Variable       | Description              | Example                 | Required |
        | -------------- | ------------------------ | ----------------------- | -------- |
        | `ORDERS_TABLE` | Table the orders live in | _(from DynamoDB table)_ | Yes      |
        | `PAGE_SIZE`    | Orders per page, *max* 100 | `50`                  | No       |
        | `LOG_LEVEL`    | Log level                | `INFO`                  | No       |
        """;

    public const string Secrets = """
        | Secret Name         | Description     | Format       |
        | ------------------- | --------------- | ------------ |
        | `[product]/api-key` | Partner API key | Plain string |
        """;

    public const string Tail = """


        ---

        ## Error Handling & Monitoring

        Errors go to the log.

        """;

    public static string With(string variables, string secrets = Secrets) =>
        Head + "## Configuration\n\n### Environment Variables\n\n" + variables + "\n\n### Secrets (AWS Secrets Manager)\n\n" + secrets + Tail;

    public static string Current => With(Variables);

    /// <summary>The plan without its Configuration section.</summary>
    public static string WithoutConfiguration => Head + "## Error Handling & Monitoring\n\nErrors go to the log.\n";
}
