namespace Hypeman.Emulator.State;

/// <summary>The outcome of resolving a path identifier: the object, or the resolver's error.</summary>
internal readonly record struct Resolution<T>(T? Value, ApiError? Error) where T : class
{
    public static Resolution<T> Found(T value) => new(value, null);
    public static Resolution<T> Failed(ApiError error) => new(null, error);
}
