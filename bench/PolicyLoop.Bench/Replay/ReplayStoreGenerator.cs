using System.Data.Common;
using System.Diagnostics;
using PolicyLoop.Storage;

namespace PolicyLoop.Bench.Replay;

/// <summary>
/// Writes generated web requests straight into a PolicyLoop store with one
/// <c>INSERT ... SELECT</c> over <c>range()</c>, which is far faster than ingesting a log. Values
/// come from DuckDB's <c>hash()</c> of the row number, so the same arguments give the same store.
/// </summary>
internal static class ReplayStoreGenerator
{
    private static readonly DateTime Start = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Rows are inserted in time order except that one in 50 is shifted up to 5 minutes back, as
    /// late log shipping does. Clients follow a skewed draw from <paramref name="clients"/>
    /// addresses (a cubic power law, so a few hundred clients send most requests) unless
    /// <paramref name="distinctClients"/> is set, which gives each row the client
    /// <c>row mod clients</c>, so every address occurs equally often.
    /// </summary>
    public static void Write(string path, long events, TimeSpan span, int clients, bool distinctClients)
    {
        var stopwatch = Stopwatch.StartNew();
        using (var store = DuckDbEventStore.Open(path))
        {
            using var command = store.Connection.CreateCommand();
            command.CommandText = InsertSql(distinctClients);
            Add(command, "n", events);
            Add(command, "start", Start);
            Add(command, "step_us", Math.Max(1, (long)(span.TotalMicroseconds / events)));
            Add(command, "clients", clients);
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }

        Console.WriteLine($"generated {events:N0} events in {stopwatch.Elapsed.TotalSeconds:N1} s at {path}");
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string InsertSql(bool distinctClients)
    {
        var client = distinctClients
            ? "i % $clients"
            : "CAST(floor(pow((h1 % 1000000) / 1000000.0, 3) * $clients) AS BIGINT)";
        return $"""
            INSERT INTO events (event_id, time, source, decision, mode, rule_id, client_ip, method, path, query,
                                status, bytes, user_agent, country, lenient, ingested_at)
            SELECT
                printf('bench-%012d', i),
                $start::TIMESTAMP + to_microseconds(i * $step_us - CASE WHEN h2 % 50 = 0 THEN CAST(h3 % 300000000 AS BIGINT) ELSE 0 END),
                'apache',
                CASE WHEN h2 % 100 < 6 THEN 'deny' WHEN h2 % 100 < 8 THEN 'challenge' ELSE 'allow' END,
                'enforce',
                CASE WHEN h2 % 100 < 6 THEN 'edge-block' WHEN h2 % 100 < 8 THEN 'edge-challenge' END,
                CASE
                    WHEN h4 % 1000 < 30 THEN printf('66.249.%d.%d', 64 + h5 % 32, h5 // 32 % 256)
                    WHEN h4 % 1000 < 35 THEN printf('203.0.113.%d', h5 % 256)
                    WHEN h4 % 1000 < 45 THEN printf('2001:db8::%x', h5 % 65536)
                    ELSE printf('10.%d.%d.%d', c // 65536 % 256, c // 256 % 256, c % 256)
                END,
                CASE WHEN h3 % 10 = 0 THEN 'POST' WHEN h3 % 50 = 1 THEN 'HEAD' ELSE 'GET' END,
                CASE
                    WHEN h6 % 1000 < 3 THEN list_extract([
                        '/wp-login.php', '/phpmyadmin/index.php', '/cgi-bin/../../etc/passwd',
                        '/search/union%20select%201,2', '/x/$%7Bjndi:ldap%7D', '/admin.php', '/.env',
                        '/cgi-bin/test.cgi'], 1 + CAST(h5 % 8 AS INTEGER))
                    ELSE list_extract([
                        '/', '/index.html', '/blog/tags/puppet', '/articles/dynamic-dns-with-dhcp/',
                        '/presentations/logstash-monitorama-2013/images/kibana-search.png', '/favicon.ico',
                        '/style2.css', '/reset.css', '/images/jordan-80.png', '/blog/geekery/xvfb-firefox.html',
                        '/projects/xdotool/', '/robots.txt', '/files/logstash/logstash-1.3.2-monolithic.jar',
                        '/blog/tags/feed.xml', '/projects/fex/', '/misc/Title.php.txt'
                    ], 1 + CAST(floor(pow((h6 % 10000) / 10000.0, 2) * 16) AS INTEGER))
                END,
                CASE WHEN h6 % 1000 = 7 THEN 'q=1%27%20or%201=1' WHEN h6 % 5 = 0 THEN printf('page=%d', h6 % 97) END,
                list_extract([200, 200, 200, 200, 200, 200, 304, 304, 404, 500], 1 + CAST(h7 % 10 AS INTEGER)),
                CASE WHEN h7 % 1000 = 0 THEN 8000000 ELSE 200 + h7 % 60000 END,
                CASE
                    WHEN h8 % 1000 < 5 THEN NULL
                    WHEN h8 % 1000 < 60 THEN list_extract([
                        'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
                        'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
                        'Tiny Tiny RSS/1.11 (http://tt-rss.org/)', 'curl/7.35.0', 'Wget/1.13.4 (linux-gnu)',
                        'python-requests/2.2.1 CPython/2.7.5 Linux/3.12.9', 'sqlmap/1.0-dev (http://sqlmap.org)',
                        'Mozilla/5.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0)'
                    ], 1 + CAST(h9 // 16 % 8 AS INTEGER))
                    ELSE list_extract([
                        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.107 Safari/537.36',
                        'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:27.0) Gecko/20100101 Firefox/27.0',
                        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.73.11 (KHTML, like Gecko) Version/7.0.1 Safari/537.73.11',
                        'Mozilla/5.0 (iPhone; CPU iPhone OS 7_0_4 like Mac OS X) AppleWebKit/537.51.1 Mobile/11B554a',
                        'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)',
                        'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/33.0.1750.117 Safari/537.36'
                    ], 1 + CAST(floor(pow((h8 % 10000) / 10000.0, 2) * 6) AS INTEGER))
                END,
                list_extract(['US', 'US', 'DE', 'FR', 'GB', 'CN', 'BR', 'IN', 'JP', 'RU'], 1 + CAST(h9 % 10 AS INTEGER)),
                false,
                $start::TIMESTAMP
            FROM (
                SELECT i, h1, h2, h3, h4, h5, h6, h7, h8, h9, {client} AS c
                FROM (
                    SELECT range AS i,
                        hash(range, 1) AS h1, hash(range, 2) AS h2, hash(range, 3) AS h3, hash(range, 4) AS h4,
                        hash(range, 5) AS h5, hash(range, 6) AS h6, hash(range, 7) AS h7, hash(range, 8) AS h8,
                        hash(range, 9) AS h9
                    FROM range($n)))
            """;
    }
}
