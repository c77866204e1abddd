using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class ColumnRolesTests
{
    private static string Roles(ConfigTableKind kind, params string[] headers) =>
        string.Join(',', ColumnRoles.Map(headers, kind).Select(c => c.Role switch
        {
            ColumnRole.EnvironmentValue => $"Env({c.Environment})",
            ColumnRole.EnvironmentValues => $"Envs({string.Join('/', c.Environments)})",
            _ => c.Role.ToString(),
        }));

    [Theory]
    [InlineData("Variable|Description|Example|Required", "Name,Description,Value,Required")]
    [InlineData("Name|Default|Mandatory|Purpose", "Name,Value,Required,Description")]
    [InlineData("Key|Value|Notes", "Name,Value,Description")]
    [InlineData("Env Var|Handler / File|Default|Purpose", "Name,Scope,Value,Description")]
    [InlineData("Variable|Type|Description|Default|Required", "Name,Type,Description,Value,Required")]
    [InlineData("Required|Example|Variable", "Required,Value,Name")]
    [InlineData("Variable|Environment|Value", "Name,Environment,Value")]
    [InlineData("Variable|Stage|Value", "Name,Environment,Value")]
    [InlineData("Variable|dev|staging|prod", "Name,Env(dev),Env(staging),Env(prod)")]
    [InlineData("Variable|Development|Production", "Name,Env(development),Env(production)")]
    [InlineData("Variable|Used by|Default", "Name,Scope,Value")]
    [InlineData("**Variable**|`Default`", "Name,Value")]
    [InlineData("Variable|Name|Value", "Name,Other,Value")]
    [InlineData("Variable|Owner", "Name,Other")]
    public void Finds_variable_columns_by_header_in_any_order(string headers, string roles) =>
        Assert.Equal(roles, Roles(ConfigTableKind.EnvironmentVariables, headers.Split('|')));

    [Theory]
    [InlineData("Variable|Safe default (dev / staging / prod)|Description", "Name,Envs(dev/staging/prod),Description")]
    [InlineData("Property|Staging value|Production value", "Name,Env(staging),Env(production)")]
    [InlineData("Variable|Source|Purpose", "Name,Source,Description")]
    [InlineData("Name|Explanation", "Name,Description")]
    [InlineData("Context Key|Default|Purpose", "Name,Value,Description")]
    [InlineData("Varible|Exmaple|Requried", "Name,Value,Required")]
    [InlineData("Environment Variables|Component", "Name,Scope")]
    public void Finds_columns_real_documents_use(string headers, string roles) =>
        Assert.Equal(roles, Roles(ConfigTableKind.EnvironmentVariables, headers.Split('|')));

    [Theory]
    [InlineData("Example", true)]
    [InlineData("e.g.", true)]
    [InlineData("Example value", true)]
    [InlineData("Default", false)]
    [InlineData("Value", false)]
    [InlineData("Default / Example", false)]
    public void Knows_an_example_column_from_a_value_column(string header, bool example) =>
        Assert.Equal(example, ColumnRoles.Map(["Variable", header], ConfigTableKind.EnvironmentVariables)[1].IsExample);

    [Theory]
    [InlineData("Varible", "Variable")]
    [InlineData("Exmaple", "Example")]
    [InlineData("Requried", "Required")]
    [InlineData("Descripton", "Description")]
    [InlineData("Variable", null)]
    [InlineData("Owner", null)]
    [InlineData("Region", null)]
    [InlineData("Status", null)]
    [InlineData("Date", null)]
    [InlineData("Destination", null)]
    public void Suggests_the_header_a_misspelt_one_stands_for(string header, string? suggestion) =>
        Assert.Equal(suggestion, ColumnRoles.Misspelling(header));

    [Theory]
    [InlineData("Environment|Integration|Secret Type|AWS Secret Name/Path|Notes", "Environment,Other,Format,Name,Description")]
    [InlineData("Secret ARN|Used by", "Name,Scope")]
    [InlineData("Service|Secret Name", "Other,Name")]
    [InlineData("Secret Name|Description|Format", "Name,Description,Format")]
    [InlineData("Secret|Purpose", "Name,Description")]
    [InlineData("Name|Type|Description", "Name,Format,Description")]
    [InlineData("Secret|Shape", "Name,Format")]
    public void Finds_secret_columns_by_header(string headers, string roles) =>
        Assert.Equal(roles, Roles(ConfigTableKind.Secrets, headers.Split('|')));

    [Theory]
    [InlineData("Secret Name", true)]
    [InlineData("Secret", true)]
    [InlineData("AWS Secret Name/Path", true)]
    [InlineData("Secret ARN", true)]
    [InlineData("Secrets Manager path", true)]
    [InlineData("Secret Type", false)]
    [InlineData("Secret key", false)]
    [InlineData("Variable", false)]
    [InlineData("Name", false)]
    public void Knows_a_secret_name_header(string header, bool isSecret) => Assert.Equal(isSecret, ColumnRoles.IsSecretNameHeader(header));
}
