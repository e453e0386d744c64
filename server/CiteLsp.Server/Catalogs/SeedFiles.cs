using System.Reflection;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Go-to-definition into the embedded seed catalog needs a real file: the seed is written once to the temp folder
/// (the server's own cache, never a user's file) and the location points there.
/// </summary>
internal static class SeedFiles
{
    public static string? Materialize(string embeddedPath)
    {
        var name = embeddedPath[EmbeddedSeeds.Scheme.Length..];
        var target = Path.Combine(Path.GetTempPath(), "citelsp-seeds", Path.GetFileName(name));
        try
        {
            if (File.Exists(target)) return target;
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
            if (stream is null) return null;
            using var reader = new StreamReader(stream);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = target + "." + Environment.ProcessId;
            File.WriteAllText(temp, reader.ReadToEnd());
            File.Move(temp, target, overwrite: true);
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }
}
