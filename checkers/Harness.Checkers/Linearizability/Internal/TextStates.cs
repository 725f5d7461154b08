using System.Text;
using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// The states of a kv cell, numbered so that equal values get equal numbers, built for a search that appends
/// millions of times. A string made by an append is not stored as text: it is a node (the string before, the
/// appended piece) with a polynomial hash and a length, so an append costs a few multiplications, not a copy of
/// the whole string (Porcupine's kv model copies it every step). Nodes are hash-consed by content: two nodes
/// with the same (hash, length) are compared as text once, when the second is made, and a true collision falls
/// back to a table keyed by the text itself, so equal numbers mean equal strings, always. Values that are not
/// strings (numbers, lists, nil) are numbered by structural equality, as <see cref="ValueInterner"/> does.
/// Id 0 is nil. Nodes live in a flat array of plain structs and the content index is open addressing over node
/// ids, so a search that makes tens of thousands of states grows a few arrays, not dictionaries of entries.
/// </summary>
internal sealed class TextStates
{
    private const ulong Base = 0x100000001B3UL;
    private Node[] _nodes = new Node[64];
    private int _count = 1;
    private readonly List<object?> _roots = [null];
    private readonly Dictionary<object, int> _literals = new(new StructuralComparer());
    private int[] _index = new int[128];
    private readonly Dictionary<string, int> _collisions = new(StringComparer.Ordinal);

    /// <summary>Parent and Suffix are node ids (-1 for a root, whose value is _roots[Root]); Length is -1 for a
    /// value that is not a string; Pow is Base to the power Length.</summary>
    private readonly record struct Node(int Parent, int Suffix, ulong Hash, ulong Pow, int Length, int Root);

    public TextStates() => _nodes[0] = new Node(-1, -1, 0, 1, -1, 0);

    /// <summary>The number of a value: a string by its text, anything else structurally.</summary>
    public int Id(object? value)
    {
        if (value is null) return 0;
        if (value is string s) return Text(s);
        if (_literals.TryGetValue(value, out var id)) return id;
        id = Add(new Node(-1, -1, 0, 1, -1, AddRoot(value)));
        _literals[value] = id;
        return id;
    }

    /// <summary>The number of the string <paramref name="s"/>.</summary>
    public int Text(string s)
    {
        ulong h = 0, pow = 1;
        foreach (var c in s)
        {
            h = h * Base + c;
            pow *= Base;
        }
        return Intern(new Node(-1, -1, h, pow, s.Length, -1), s);
    }

    /// <summary>The number of the string held by <paramref name="state"/> (its text, for a value that is not a
    /// string: nil is empty) followed by the string <paramref name="suffix"/>.</summary>
    public int Concat(int state, int suffix)
    {
        var head = AsString(state);
        var tail = _nodes[suffix];
        if (tail.Length == 0) return head;
        var h = _nodes[head];
        if (h.Length == 0) return suffix;
        return Intern(new Node(head, suffix, h.Hash * tail.Pow + tail.Hash, h.Pow * tail.Pow, h.Length + tail.Length, -1), null);
    }

    /// <summary>The state as a string state: itself, or the text of a value that is not a string.</summary>
    public int AsString(int state) => _nodes[state].Length >= 0 ? state : Text(KvOps.Text(_roots[_nodes[state].Root]));

    /// <summary>The value held, as the history would write it (strings quoted).</summary>
    public string Describe(int state) => _nodes[state].Length < 0 || state == 0
        ? ValueText.Format(_roots[_nodes[state].Root])
        : ValueText.Format(Materialize(state));

    /// <summary>The id of the node's content (<paramref name="text"/> for a root string): an existing node with
    /// the same text, or the node, added.</summary>
    private int Intern(Node node, string? text)
    {
        var mask = _index.Length - 1;
        var slot = Slot(node.Hash, node.Length, mask);
        for (; _index[slot] != 0; slot = (slot + 1) & mask)
        {
            var existing = _index[slot] - 1;
            if (_nodes[existing].Hash != node.Hash || _nodes[existing].Length != node.Length) continue;
            var content = text ?? Materialize(node.Parent) + Materialize(node.Suffix);
            if (Materialize(existing) == content) return existing;
            if (_collisions.TryGetValue(content, out var other)) return other;
            var added = Add(text is null ? node : node with { Root = AddRoot(text) });
            _collisions[content] = added;
            return added;
        }
        var id = Add(text is null ? node : node with { Root = AddRoot(text) });
        _index[slot] = id + 1;
        if (2 * _count > _index.Length) Reindex();
        return id;
    }

    private static int Slot(ulong hash, int length, int mask) => (int)((hash ^ (uint)length) * 0x9E3779B97F4A7C15UL >> 32) & mask;

    private int Add(Node node)
    {
        if (_count == _nodes.Length) Array.Resize(ref _nodes, 2 * _count);
        _nodes[_count] = node;
        return _count++;
    }

    private int AddRoot(object? value)
    {
        _roots.Add(value);
        return _roots.Count - 1;
    }

    /// <summary>Rebuilds the content index twice as large. Only the first node of each content is indexed
    /// (collisions live in their own table), so every indexed node is re-inserted.</summary>
    private void Reindex()
    {
        var old = _index;
        _index = new int[2 * old.Length];
        var mask = _index.Length - 1;
        foreach (var entry in old)
        {
            if (entry == 0) continue;
            var n = _nodes[entry - 1];
            var slot = Slot(n.Hash, n.Length, mask);
            while (_index[slot] != 0) slot = (slot + 1) & mask;
            _index[slot] = entry;
        }
    }

    /// <summary>The text of a string state: the root's text, then every appended piece, oldest first.</summary>
    public string Materialize(int state)
    {
        var sb = new StringBuilder(Math.Max(0, _nodes[state].Length));
        AppendText(sb, state);
        return sb.ToString();
    }

    private void AppendText(StringBuilder sb, int state)
    {
        var chain = new List<int>();
        var at = state;
        while (_nodes[at].Parent >= 0)
        {
            chain.Add(_nodes[at].Suffix);
            at = _nodes[at].Parent;
        }
        var root = _roots[_nodes[at].Root];
        sb.Append(_nodes[at].Length < 0 ? KvOps.Text(root) : (string?)root);
        for (var i = chain.Count - 1; i >= 0; i--) AppendText(sb, chain[i]);
    }

    private sealed class StructuralComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => ValueText.Equals(x, y);

        public int GetHashCode(object obj) => ValueText.Hash(obj);
    }
}
