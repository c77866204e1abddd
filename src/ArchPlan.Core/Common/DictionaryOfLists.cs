using System.Runtime.InteropServices;

namespace ArchPlan.Common;

/// <summary>Indexes built as a dictionary of lists (name → the items having it), the shape every linear-time lookup here uses.</summary>
internal static class DictionaryOfLists
{
    /// <summary>The list under <paramref name="key"/>, added empty on first use.</summary>
    public static List<TValue> ListFor<TKey, TValue>(this Dictionary<TKey, List<TValue>> map, TKey key)
        where TKey : notnull
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        return list ??= [];
    }
}
