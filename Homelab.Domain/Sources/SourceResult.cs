using System.Diagnostics.CodeAnalysis;

namespace Homelab.Domain.Sources;

/// <summary>
/// The outcome of an upstream call: a value or a <see cref="SourceError"/>. Adapters return this instead of throwing,
/// so a failing upstream never surfaces as an exception in a page.
/// </summary>
public sealed class SourceResult<T>
{
    private readonly T? _value;

    private SourceResult(T? value, SourceError? error)
    {
        _value = value;
        Error = error;
    }

    public SourceError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; only valid when <see cref="IsSuccess"/> is true.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error}");

    public static SourceResult<T> Ok(T value) => new(value, null);

    public static SourceResult<T> Fail(SourceError error) => new(default, error);

    public static SourceResult<T> Fail(SourceErrorKind kind, string message, int? statusCode = null) => new(default, new SourceError(kind, message, statusCode));

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value!;
        return IsSuccess;
    }

    /// <summary>Carries an error over to a result of another type.</summary>
    public SourceResult<TOther> Cast<TOther>() => IsSuccess ? throw new InvalidOperationException("Only failures can be cast.") : SourceResult<TOther>.Fail(Error);

    public SourceResult<TOther> Map<TOther>(Func<T, TOther> map) => IsSuccess ? SourceResult<TOther>.Ok(map(Value)) : SourceResult<TOther>.Fail(Error);

    public static implicit operator SourceResult<T>(SourceError error) => Fail(error);

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({Error})";
}
