using System.Reflection;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Tests.Diagnostics;

public sealed class DiagnosticCatalogTests
{
    private static readonly IReadOnlyList<(string Field, DiagnosticDescriptor Descriptor)> All =
        [.. typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (f.Name, (DiagnosticDescriptor)f.GetValue(null)!))];

    [Fact]
    public void Every_id_is_unique_and_well_formed()
    {
        Assert.NotEmpty(All);
        var duplicates = All.GroupBy(d => d.Descriptor.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Field))}").ToList();
        Assert.Empty(duplicates);
        Assert.All(All, d => Assert.Matches(new Regex(@"^AP\d{4}$"), d.Descriptor.Id));
    }

    [Fact]
    public void Every_message_and_help_formats_without_throwing()
    {
        var args = new object?[] { "a", 1, "b", 2, "c", 3, "d" };
        foreach (var (field, descriptor) in All)
        {
            var exception = Record.Exception(() => descriptor.At(new SourceLocation("plan.md", 1, 1), args));
            Assert.True(exception is null, $"{field} ({descriptor.Id}): {exception?.Message}");
        }
    }

    [Fact]
    public void Every_descriptor_has_a_title_and_a_help_text()
    {
        Assert.All(All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Descriptor.Title), d.Field);
            Assert.False(string.IsNullOrWhiteSpace(d.Descriptor.HelpFormat), d.Field);
        });
    }
}
