using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class ColumnRolesTests
{
    private static string Roles(ConfigTableKind kind, params string[] headers) =>
        string.Join(',', ColumnRoles.Map(headers, kind).Select(c => c.Role == ColumnRole.EnvironmentValue ? $"Env({c.Environment})" : c.Role.ToString()));

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
    [InlineData("Secret Name|Description|Format", "Name,Description,Format")]
    [InlineData("Secret|Purpose", "Name,Description")]
    [InlineData("Name|Type|Description", "Name,Format,Description")]
    [InlineData("Secret|Shape", "Name,Format")]
    public void Finds_secret_columns_by_header(string headers, string roles) =>
        Assert.Equal(roles, Roles(ConfigTableKind.Secrets, headers.Split('|')));

    [Theory]
    [InlineData("Secret Name", true)]
    [InlineData("Secret", true)]
    [InlineData("Variable", false)]
    [InlineData("Name", false)]
    public void Knows_a_secret_name_header(string header, bool isSecret) => Assert.Equal(isSecret, ColumnRoles.IsSecretNameHeader(header));
}
