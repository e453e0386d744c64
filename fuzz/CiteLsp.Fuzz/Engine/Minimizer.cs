namespace CiteLsp.Fuzz.Engine;

/// <summary>Shrinks a failing input by deleting ever smaller chunks while the failure signature stays the same (cheap delta debugging).</summary>
internal static class Minimizer
{
    public static byte[] Minimize(byte[] input, Func<byte[], string?> signatureOf, string signature, TimeSpan budget)
    {
        var deadline = DateTime.UtcNow + budget;
        var current = input;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && DateTime.UtcNow < deadline; chunk /= 2)
        {
            var progress = true;
            while (progress && DateTime.UtcNow < deadline)
            {
                progress = false;
                for (var start = 0; start < current.Length && DateTime.UtcNow < deadline; start += chunk)
                {
                    var length = Math.Min(chunk, current.Length - start);
                    var candidate = new byte[current.Length - length];
                    current.AsSpan(0, start).CopyTo(candidate);
                    current.AsSpan(start + length).CopyTo(candidate.AsSpan(start));
                    if (signatureOf(candidate) != signature) continue;
                    current = candidate;
                    progress = true;
                    start -= chunk;
                }
            }
            if (chunk == 1) break;
        }
        return current;
    }
}
