using System.Globalization;

namespace PolicyLoop.Reports.Html;

/// <summary>
/// The frame shared by every HTML report: UTF-8, a content security policy that forbids scripts
/// and external resources, and an inline stylesheet.
/// </summary>
public static class HtmlPage
{
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /// <summary>Returns a notes section with one encoded list item per note, or nothing when there are none.</summary>
    public static string Notes(IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return "";
        }

        var items = notes.Select(note => $"<li>{SafeText.Html(note, 600)}</li>");
        return "<h2>Notes</h2><ul>" + string.Concat(items) + "</ul>\n";
    }

    /// <summary>The closing tags of a page.</summary>
    public const string Tail = "</main></body></html>\n";

    /// <summary>Returns the document head and the page heading; the title is encoded.</summary>
    public static string Head(string title) => string.Create(CultureInfo.InvariantCulture, $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{SafeText.Html(title)}</title>
        <style>{Stylesheet}</style></head><body><main>
        <h1>{SafeText.Html(title)}</h1>

        """);

    private const string Stylesheet = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;color:#222;margin:0;background:#f6f7f9}
        main{max-width:1100px;margin:0 auto;padding:24px}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:16px 0 6px}
        .meta,.detail{color:#666;font-size:12px}
        .cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
        .card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:200px}
        .card .value{font-size:22px;font-weight:bold}.card .label{font-size:12px;color:#555}
        figure{background:#fff;border:1px solid #ddd;border-radius:6px;margin:8px 0;padding:8px}
        svg{width:100%;height:auto;font-family:"DejaVu Sans",Arial,sans-serif}
        table{border-collapse:collapse;background:#fff;width:100%;font-size:13px;margin-bottom:8px}
        th,td{border:1px solid #e1e1e1;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{background:#eef1f5}.n{text-align:right;white-space:nowrap}
        code{font-family:"DejaVu Sans Mono",monospace;font-size:12px}
        mark{background:#ffe08a}
        .bar{display:inline-block;width:90px;height:9px;background:#eee;margin-right:6px}
        .bar span{display:block;height:9px;background:#c0392b}
        .ci{position:relative;display:inline-block;width:160px;height:10px;background:#eee;margin-right:6px;vertical-align:middle}
        .ci span{position:absolute;top:0;height:10px;background:#e8a79f}
        .ci i{position:absolute;top:-2px;width:2px;height:14px;background:#c0392b}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
        """;
}
