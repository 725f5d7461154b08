using Harness.Checkers.Linearizability.Internal;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>The kv model's state numbering: equal strings get equal numbers however they were built (read from
/// the history or made by appends in the search), different strings different numbers, through every growth of
/// the node array and content index; and the flat table that memoises appends.</summary>
public class TextStatesTests
{
    [Test]
    public void EqualTextGetsOneNumberHoweverItWasBuilt()
    {
        var states = new TextStates();
        var a = states.Text("a");
        var ab = states.Concat(a, states.Text("b"));
        var abc = states.Concat(ab, states.Text("c"));
        Assert.That(states.Text("abc"), Is.EqualTo(abc));
        Assert.That(states.Concat(a, states.Text("bc")), Is.EqualTo(abc));
        Assert.That(states.Text("ab"), Is.EqualTo(ab));
        Assert.That(states.Text("acb"), Is.Not.EqualTo(abc));
        Assert.That(states.Concat(abc, states.Text("")), Is.EqualTo(abc), "appending nothing changes nothing");
        Assert.That(states.Describe(abc), Is.EqualTo("\"abc\""));
    }

    [Test]
    public void ValuesThatAreNotStringsAreNumberedStructurallyAndAppendAsText()
    {
        var states = new TextStates();
        var seven = states.Id(7L);
        Assert.That(states.Id(7L), Is.EqualTo(seven));
        Assert.That(states.Id(null), Is.Zero);
        Assert.That(states.Concat(seven, states.Text("x")), Is.EqualTo(states.Text("7x")));
        Assert.That(states.Concat(0, states.Text("x")), Is.EqualTo(states.Text("x")), "nil appends as the empty string");
        Assert.That(states.Describe(seven), Is.EqualTo("7"));
    }

    [Test]
    public void ThousandsOfAppendedStatesStayDistinctAndFindable()
    {
        var states = new TextStates();
        var pieces = Enumerable.Range(0, 50).Select(i => states.Text($"x {i} y")).ToArray();
        var made = new Dictionary<string, int>();
        var random = new Random(5);
        for (var chain = 0; chain < 400; chain++)
        {
            var state = states.Text("");
            var text = "";
            for (var step = 0; step < 12; step++)
            {
                var piece = random.Next(pieces.Length);
                state = states.Concat(state, pieces[piece]);
                text += $"x {piece} y";
                if (made.TryGetValue(text, out var before)) Assert.That(state, Is.EqualTo(before), text);
                made[text] = state;
            }
        }
        Assert.That(made.Values.Distinct().Count(), Is.EqualTo(made.Count), "different strings, different numbers");
        foreach (var (text, id) in made.Take(200)) Assert.That(states.Text(text), Is.EqualTo(id));
    }

    [Test]
    public void PairTableFindsWhatWasAddedThroughGrowth()
    {
        var table = new PairTable();
        for (var i = 0L; i < 5000; i++) table.Add((i << 32) | (uint)(i * 7), (int)i);
        for (var i = 0L; i < 5000; i++) Assert.That(table.Get((i << 32) | (uint)(i * 7)), Is.EqualTo((int)i));
        Assert.That(table.Get(1L << 40), Is.EqualTo(-1));
        Assert.That(table.Get(0L), Is.EqualTo(0), "key 0 is a key like any other");
        Assert.That(table.Get(1L), Is.EqualTo(-1));
    }
}
