using System.ComponentModel.DataAnnotations;

namespace Normative.Features.Development.Documents;

/// <summary>Settings of the document register (section "Documents").</summary>
public sealed class DocumentLimits
{
    public const string Section = "Documents";

    /// <summary>The largest file an upload may carry, in bytes (250 MB unless configured).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 250L * 1024 * 1024;
}
