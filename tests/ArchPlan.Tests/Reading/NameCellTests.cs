using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class NameCellTests
{
    [Theory]
    [InlineData("`LOG_LEVEL`", "LOG_LEVEL", "")]
    [InlineData("LOG_LEVEL", "LOG_LEVEL", "")]
    [InlineData("`LOG_LEVEL` (or `LOGLEVEL`)", "LOG_LEVEL", "LOGLEVEL")]
    [InlineData("`API_URL` (formerly `API_BASE`)", "API_URL", "API_BASE")]
    [InlineData("`TIMEOUT_MS` (legacy alias: `TIMEOUT`)", "TIMEOUT_MS", "TIMEOUT")]
    [InlineData("LOG_LEVEL (or LOGLEVEL)", "LOG_LEVEL", "LOGLEVEL")]
    [InlineData("`PORT` (required)", "PORT", "")]
    [InlineData("`%%IMAGE_TAG%%`", "IMAGE_TAG", "")]
    [InlineData("`${STAGE}`", "STAGE", "")]
    [InlineData("`{{ REGION }}`", "REGION", "")]
    public void Reads_the_name_and_the_other_names_of_the_same_setting(string cell, string name, string aliases)
    {
        var (names, found) = NameCell.Variables(cell);

        Assert.Equal([name], names);
        Assert.Equal(aliases, string.Join(',', found));
    }

    [Theory]
    [InlineData("`QUEUE_URL`, `BUCKET`", "QUEUE_URL,BUCKET")]
    [InlineData("`A_ONE` / `B_TWO` / `C_THREE`", "A_ONE,B_TWO,C_THREE")]
    [InlineData("`HOST` and `PORT`", "HOST,PORT")]
    public void Reads_several_names_in_one_cell_as_several_variables(string cell, string names) =>
        Assert.Equal(names, string.Join(',', NameCell.Variables(cell).Names));

    [Theory]
    [InlineData("`1ST_VAR`", "1ST_VAR")]
    [InlineData("`MY-VAR`", "MY-VAR")]
    [InlineData("Some prose", "Some prose")]
    public void Keeps_a_name_it_cannot_read_whole_for_the_checker(string cell, string name) =>
        Assert.Equal([name], NameCell.Variables(cell).Names);

    [Theory]
    [InlineData("`acme/prod/stripe`", "acme/prod/stripe")]
    [InlineData("acme/prod/stripe (JSON)", "acme/prod/stripe")]
    [InlineData("ARN of `acme/dashboards/token`", "acme/dashboards/token")]
    [InlineData("`arn:aws:secretsmanager:eu-west-1:111122223333:secret:acme/prod/stripe-Ab12Cd`", "acme/prod/stripe")]
    [InlineData("`arn:aws:secretsmanager:eu-west-1:111122223333:secret:acme/prod/apikey`", "acme/prod/apikey")]
    public void Reads_a_secret_name_from_a_code_span_a_note_or_an_arn(string cell, string name) =>
        Assert.Equal(name, NameCell.Secret(cell));
}
