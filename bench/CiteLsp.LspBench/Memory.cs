namespace CiteLsp.LspBench;

/// <summary>Resident and peak resident memory of a process, from /proc (Linux).</summary>
internal static class Memory
{
    public static string Rss(int pid)
    {
        try
        {
            var lines = File.ReadAllLines($"/proc/{pid}/status");
            string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim() ?? "?";
            return $"{Mb(Field("VmRSS:"))} MB (peak {Mb(Field("VmHWM:"))} MB)";
        }
        catch (IOException) { return "unknown"; }
    }

    private static string Mb(string kb) => long.TryParse(kb.Split(' ')[0], out var k) ? (k / 1024).ToString() : kb;
}
