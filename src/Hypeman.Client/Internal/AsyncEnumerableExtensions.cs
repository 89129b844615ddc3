namespace Hypeman;

internal static class AsyncEnumerableExtensions
{
    /// <summary>Collects an async stream (for callers that need the whole list, such as completers).</summary>
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(item);
        return list;
    }
}
