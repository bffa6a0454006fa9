namespace Normative.Storage;

/// <summary>The file store: PostgreSQL by default.</summary>
public static class FileStoreSetup
{
    public static WebApplicationBuilder AddFileStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IFileStore, PostgresFileStore>();
        return builder;
    }
}
