using ArchPlan.Generation.Naming;

namespace ArchPlan.Tests.Generation;

/// <summary>Identifiers made of words split into the same words again, so construct ids keep a suffix the diff can find.</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData("export-api-v2", "ExportApiV2")]
    [InlineData("ExportApiV2Task", "ExportApiV2Task")]
    [InlineData("parcel-settlement-v2 state machine", "ParcelSettlementV2StateMachine")]
    [InlineData("s3-uploads", "S3Uploads")]
    [InlineData("HTTPApi", "HttpApi")]
    [InlineData("E2E", "E2e")]
    public void Pascal_case_round_trips_through_split(string text, string expected)
    {
        var pascal = Words.ToPascal(text);
        Assert.Equal(expected, pascal);
        Assert.Equal(pascal, Words.ToPascal(pascal));
    }
}
