using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>The WGL checker agrees with a brute-force reference on thousands of tiny random histories.</summary>
public class RandomHistoryPropertyTests
{
    [TestCase(1, 3000)]
    [TestCase(2, 3000)]
    public void AgreesWithBruteForce(int seed, int count)
    {
        var random = new Random(seed);
        var checker = new LinearizabilityChecker(new LinearizabilityOptions { Model = "cas-register", InitialValue = "nil", Parallel = false });
        int valid = 0, invalid = 0;
        for (var i = 0; i < count; i++)
        {
            var history = RandomHistories.Make(random, random.Next(1, 9), 3);
            var expected = BruteForceRegisterChecker.IsLinearizable(history, null);
            var result = checker.Check(history, CheckContext.Default);
            Assert.That(result.Validity, Is.EqualTo(expected ? Validity.Valid : Validity.Invalid),
                () => $"history {i}:\n" + string.Join("\n", history.Ops) + "\n" + result.Summary);
            if (expected) valid++;
            else invalid++;
        }
        Assert.That(valid, Is.GreaterThan(count / 5), "too few linearizable histories to be a fair test");
        Assert.That(invalid, Is.GreaterThan(count / 10), "too few non-linearizable histories to be a fair test");
    }
}
