using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Homelab.Domain.Common;

/// <summary>
/// An immutable dictionary with value equality, for records that hold many keyed items (thousands of torrents) and
/// must update one key without copying the rest.
/// </summary>
[JsonConverter(typeof(EquatableDictionaryJsonConverterFactory))]
public sealed class EquatableDictionary<TKey, TValue> : IEquatable<EquatableDictionary<TKey, TValue>>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly ImmutableDictionary<TKey, TValue> _items;

    public EquatableDictionary(ImmutableDictionary<TKey, TValue> items) => _items = items;

    public static EquatableDictionary<TKey, TValue> Empty { get; } = new(ImmutableDictionary<TKey, TValue>.Empty);

    public int Count => _items.Count;

    public TValue this[TKey key] => _items[key];

    public IEnumerable<TKey> Keys => _items.Keys;

    public IEnumerable<TValue> Values => _items.Values;

    public ImmutableDictionary<TKey, TValue> AsImmutableDictionary() => _items;

    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) => _items.TryGetValue(key, out value);

    public EquatableDictionary<TKey, TValue> SetItems(IEnumerable<KeyValuePair<TKey, TValue>> items) => new(_items.SetItems(items));

    public EquatableDictionary<TKey, TValue> RemoveRange(IEnumerable<TKey> keys) => new(_items.RemoveRange(keys));

    public bool Equals(EquatableDictionary<TKey, TValue>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(_items, other._items))
        {
            return true;
        }

        if (_items.Count != other._items.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in _items)
        {
            if (!other._items.TryGetValue(key, out var theirs) || !comparer.Equals(value, theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as EquatableDictionary<TKey, TValue>);

    /// <summary>Order-independent: the count and a sum of entry hashes.</summary>
    public override int GetHashCode()
    {
        var sum = 0;
        foreach (var (key, value) in _items)
        {
            sum = unchecked(sum + HashCode.Combine(key, value));
        }

        return HashCode.Combine(_items.Count, sum);
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableDictionary<TKey, TValue>? left, EquatableDictionary<TKey, TValue>? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(EquatableDictionary<TKey, TValue>? left, EquatableDictionary<TKey, TValue>? right) => !(left == right);
}

/// <summary>Serialises <see cref="EquatableDictionary{TKey, TValue}"/> as a plain JSON object.</summary>
public sealed class EquatableDictionaryJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableDictionary<,>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var arguments = typeToConvert.GetGenericArguments();
        return (JsonConverter)Activator.CreateInstance(typeof(Converter<,>).MakeGenericType(arguments))!;
    }

    private sealed class Converter<TKey, TValue> : JsonConverter<EquatableDictionary<TKey, TValue>>
        where TKey : notnull
    {
        public override EquatableDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null
                ? EquatableDictionary<TKey, TValue>.Empty
                : new(JsonSerializer.Deserialize<ImmutableDictionary<TKey, TValue>>(ref reader, options) ?? ImmutableDictionary<TKey, TValue>.Empty);

        public override void Write(Utf8JsonWriter writer, EquatableDictionary<TKey, TValue> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.AsImmutableDictionary(), options);
    }
}
