using System.Collections;
using System.Runtime.CompilerServices;

namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// An immutable list that compares by its items, so that records holding lists keep value
/// equality. The default value is the empty list.
/// </summary>
[CollectionBuilder(typeof(ValueListBuilder), nameof(ValueListBuilder.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[]? _items;

    public ValueList(IEnumerable<T> items)
        : this((items ?? throw new ArgumentNullException(nameof(items))).ToArray())
    {
    }

    private ValueList(T[] items) => _items = items.Length == 0 ? null : items;

    public static ValueList<T> Empty => default;

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => _items is null;

    public T this[int index] => _items is null ? throw new ArgumentOutOfRangeException(nameof(index)) : _items[index];

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public ReadOnlySpan<T> AsSpan() => _items;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T> other) =>
        AsSpan().SequenceEqual(other.AsSpan(), EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Takes ownership of an array nobody else holds, without copying it.</summary>
    internal static ValueList<T> Wrap(T[] items) => new(items);

    public override string ToString() => "[" + string.Join(", ", AsSpan().ToArray()) + "]";
}

/// <summary>Lets collection expressions (<c>["en", "fr"]</c>) build a <see cref="ValueList{T}"/>.</summary>
internal static class ValueListBuilder
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.Wrap(items.ToArray());
}
