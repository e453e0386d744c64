namespace CiteLsp.Tests.Server;

/// <summary>A scratch directory deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("citelsp-test-").FullName;

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Uri(string name) => new Uri(System.IO.Path.Combine(Path, name)).AbsoluteUri;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
