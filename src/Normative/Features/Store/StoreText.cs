namespace Normative.Features.Store;

/// <summary>The store's texts (Resources/Features/Store/StoreText*.resx).</summary>
public sealed class StoreText;
