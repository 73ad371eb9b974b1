namespace Homelab.Domain.Common;

/// <summary>
/// A value that may be absent, distinct from a value that is present and null: a partial update says "this field is
/// now unknown" differently from "this field did not change".
/// </summary>
public readonly record struct PatchValue<T>
{
    private readonly T _value;

    public PatchValue(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("No value.");

    /// <summary>This value when present, otherwise <paramref name="fallback"/>.</summary>
    public T Or(T fallback) => HasValue ? _value : fallback;

    public static implicit operator PatchValue<T>(T value) => new(value);

    public override string ToString() => HasValue ? $"{_value}" : "(absent)";
}
