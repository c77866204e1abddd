using Markdig.Syntax;

namespace ArchPlan.Reading;

/// <summary>
/// The position of a block among its container's children, indexed once per container: <c>ContainerBlock.IndexOf</c>
/// scans the children, and readers ask for every list's and heading's neighbours.
/// </summary>
internal sealed class Siblings
{
    private readonly Dictionary<ContainerBlock, Dictionary<Block, int>> _indexes = [];

    /// <summary>The block right before <paramref name="block"/> in its container, or null.</summary>
    public Block? Previous(Block block) => IndexOf(block, out var parent) is > 0 and var index ? parent![index - 1] : null;

    /// <summary>The blocks after <paramref name="block"/> in its container, in order.</summary>
    public IEnumerable<Block> Following(Block block)
    {
        var index = IndexOf(block, out var parent);
        for (var i = index + 1; parent is not null && index >= 0 && i < parent.Count; i++)
        {
            yield return parent[i];
        }
    }

    private int IndexOf(Block block, out ContainerBlock? parent)
    {
        parent = block.Parent;
        if (parent is null)
        {
            return -1;
        }
        if (!_indexes.TryGetValue(parent, out var index))
        {
            index = new Dictionary<Block, int>(parent.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < parent.Count; i++)
            {
                index[parent[i]] = i;
            }
            _indexes[parent] = index;
        }
        return index.GetValueOrDefault(block, -1);
    }
}
