namespace Harness.Core.History;

/// <summary>An EDN keyword such as <c>:ok</c> or <c>:append</c>, kept distinct from strings when read from EDN.
/// Written to JSON as its name without the colon.</summary>
public sealed record Keyword(string Name)
{
    public override string ToString() => ":" + Name;
}
