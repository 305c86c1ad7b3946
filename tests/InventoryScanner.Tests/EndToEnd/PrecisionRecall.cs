namespace InventoryScanner.Tests.EndToEnd;

/// <summary>The measures of the labelled corpora: nothing found and nothing expected counts as perfect.</summary>
internal static class PrecisionRecall
{
    public static double Precision(int truePositives, int falsePositives) =>
        truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);

    public static double Recall(int truePositives, int expected) => expected == 0 ? 1 : (double)truePositives / expected;
}
