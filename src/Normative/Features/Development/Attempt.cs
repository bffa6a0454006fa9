using System.Diagnostics.CodeAnalysis;

namespace Normative.Features.Development;

/// <summary>The result of an operation that may be refused: a value, or the reason it was refused.</summary>
public readonly record struct Attempt<T>(T? Value, DevelopmentError? Error)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static implicit operator Attempt<T>(T value) => new(value, null);

    public static implicit operator Attempt<T>(DevelopmentError error) => new(default, error);
}
