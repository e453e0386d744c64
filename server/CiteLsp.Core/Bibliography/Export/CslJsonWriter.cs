using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiteLsp.Core.Bibliography.Export;

/// <summary>Writes entries as a CSL-JSON array (id = citation key).</summary>
public static class CslJsonWriter
{
    public static string Write(IEnumerable<Entry> entries)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var e in entries) WriteItem(w, e);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string CslType(string bibType) => bibType switch
    {
        "article" => "article-journal",
        "inproceedings" or "conference" => "paper-conference",
        "book" or "mvbook" => "book",
        "incollection" or "inbook" => "chapter",
        "phdthesis" or "mastersthesis" or "thesis" => "thesis",
        "techreport" or "report" => "report",
        "online" or "www" or "electronic" => "webpage",
        "misc" => "article",
        _ => "document",
    };

    internal static void WriteItem(Utf8JsonWriter w, Entry e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Key);
        w.WriteString("type", CslType(e.Type));
        if (e.Title.Length > 0) w.WriteString("title", e.Title);
        if (e.Authors.Count > 0)
        {
            w.WriteStartArray("author");
            foreach (var p in e.Authors)
            {
                w.WriteStartObject();
                if (p.Literal is not null) w.WriteString("literal", p.Literal);
                else
                {
                    w.WriteString("family", p.Family);
                    if (p.Given.Length > 0) w.WriteString("given", p.Given);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (e.Date.Year is { } year)
        {
            w.WriteStartObject("issued");
            w.WriteStartArray("date-parts");
            w.WriteStartArray();
            w.WriteNumberValue(year);
            if (e.Date.Month is { } m) { w.WriteNumberValue(m); if (e.Date.Day is { } d) w.WriteNumberValue(d); }
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (e.Venue is not null) w.WriteString("container-title", e.Venue);
        if (e.Doi is not null) w.WriteString("DOI", e.Doi);
        if (e.Url is not null) w.WriteString("URL", e.Url);
        if (e.Abstract is not null) w.WriteString("abstract", e.Abstract);
        w.WriteEndObject();
    }
}
