using System.Collections;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Harness.Core.Modules;

/// <summary>
/// The option values of one module in a test (e.g. PostgreSQL's <c>replication = sync</c>), kept as text keyed
/// by option name so <c>test.json</c> stays plain data. <see cref="Resolve"/> checks the given values against the
/// module's <see cref="OptionDef"/>s and fills in every default, so a stored test is complete; modules read them
/// into their own typed option records with <see cref="Text"/>, <see cref="Integer"/>, <see cref="Number"/>, <see cref="Flag"/>.
/// </summary>
[JsonConverter(typeof(ModuleOptionsJsonConverter))]
public sealed class ModuleOptions : IReadOnlyDictionary<string, string>, IEquatable<ModuleOptions>
{
    private readonly SortedDictionary<string, string> _values;

    public static ModuleOptions Empty { get; } = new(new SortedDictionary<string, string>(StringComparer.Ordinal));

    private ModuleOptions(SortedDictionary<string, string> values) => _values = values;

    public static ModuleOptions Of(params (string Name, string Value)[] values) =>
        new(new SortedDictionary<string, string>(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal), StringComparer.Ordinal));

    public static ModuleOptions Of(IEnumerable<KeyValuePair<string, string>> values) =>
        new(new SortedDictionary<string, string>(values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), StringComparer.Ordinal));

    /// <summary>This with one value set (replacing an earlier one).</summary>
    public ModuleOptions With(string name, string value) => new(new SortedDictionary<string, string>(_values, StringComparer.Ordinal) { [name] = value });

    /// <summary>Every definition's value: the given one if any (checked), else the default. Throws
    /// <see cref="ArgumentException"/> naming the owner for an unknown option or a bad value.</summary>
    public ModuleOptions Resolve(IReadOnlyList<OptionDef> definitions, string owner)
    {
        foreach (var name in _values.Keys.Where(n => definitions.All(d => d.Name != n)))
            throw new InvalidSpecException(definitions.Count == 0
                ? $"{owner} takes no option --{name}"
                : $"{owner} has no option --{name} (its options: {string.Join(", ", definitions.Select(d => "--" + d.Name))})");
        var resolved = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            var value = _values.TryGetValue(d.Name, out var given) ? given : d.Default;
            var problem = d.Check(value);
            if (problem is not null) throw new InvalidSpecException($"{owner}: {problem}");
            resolved[d.Name] = value;
        }
        return new ModuleOptions(resolved);
    }

    public string Text(string name) => _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"option '{name}' is not set");

    public long Integer(string name) => long.Parse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public double Number(string name) => double.Parse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    public bool Flag(string name) => Text(name) == "true";

    public string this[string key] => _values[key];
    public IEnumerable<string> Keys => _values.Keys;
    public IEnumerable<string> Values => _values.Values;
    public int Count => _values.Count;
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ModuleOptions? other) => other is not null && _values.SequenceEqual(other._values);
    public override bool Equals(object? obj) => Equals(obj as ModuleOptions);
    public override int GetHashCode() => _values.Aggregate(17, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value));
    public override string ToString() => string.Join(", ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
