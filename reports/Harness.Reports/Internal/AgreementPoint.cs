namespace Harness.Reports.Internal;

/// <summary>One round of the replica probe: at <see cref="Seconds"/> (run time), after heal <see cref="Heal"/> (made at
/// <see cref="HealSeconds"/>; phase <c>heal</c>, or <c>final</c> after the run), <see cref="Agreeing"/> of the
/// <see cref="Probed"/> objects had every primary holding the same copy.</summary>
internal sealed record AgreementPoint(double Seconds, string Phase, int Heal, double HealSeconds, int Agreeing, int Probed)
{
    public double Percent => Probed == 0 ? 100 : 100.0 * Agreeing / Probed;
}
