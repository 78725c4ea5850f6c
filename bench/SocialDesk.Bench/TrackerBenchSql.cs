namespace SocialDesk.Bench;

/// <summary>The tracker's definitions (issue 4) in DuckDB's SQL, to time DuckDB on the same work and check the figures.</summary>
public static class TrackerBenchSql
{
    /// <summary>One row per brand (brand_key not null) and one overall row; times in seconds.</summary>
    public static string For(string csvPath) => $$"""
        WITH m AS (
            SELECT tweet_id AS id, author_id AS author, lower(author_id) AS author_key, inbound,
                   epoch_ms(strptime(created_at, '%a %b %d %H:%M:%S %z %Y')) AS t,
                   in_response_to_tweet_id AS reply_to, text
            FROM read_csv('{{csvPath.Replace("'", "''", StringComparison.Ordinal)}}', header = true, auto_detect = false,
                 delim = ',', quote = '"', escape = '"',
                 columns = {'tweet_id': 'BIGINT', 'author_id': 'VARCHAR', 'inbound': 'BOOLEAN', 'created_at': 'VARCHAR',
                            'text': 'VARCHAR', 'response_tweet_id': 'VARCHAR', 'in_response_to_tweet_id': 'BIGINT'})
        ),
        brands AS (
            SELECT author_key, min(author) AS brand FROM m WHERE NOT inbound GROUP BY author_key
        ),
        mention_by_reply AS (
            SELECT i.id, i.t, p.author_key AS brand_key
            FROM m i JOIN m p ON p.id = i.reply_to
            WHERE i.inbound AND p.author_key IN (SELECT author_key FROM brands)
        ),
        handles AS (
            SELECT id, t, unnest(hs) AS handle, generate_subscripts(hs, 1) AS pos
            FROM (SELECT id, t, regexp_extract_all(text, '(?:^|[^A-Za-z0-9_])@([A-Za-z0-9_]+)', 1) AS hs
                  FROM m WHERE inbound AND id NOT IN (SELECT id FROM mention_by_reply))
        ),
        mention_by_handle AS (
            SELECT h.id, h.t, arg_min(lower(h.handle), h.pos) AS brand_key
            FROM handles h JOIN brands b ON b.author_key = lower(h.handle)
            GROUP BY h.id, h.t
        ),
        mentions AS (
            SELECT * FROM mention_by_reply UNION ALL SELECT * FROM mention_by_handle
        ),
        answered AS (
            SELECT mn.id, min(r.t) - mn.t AS rt
            FROM mentions mn JOIN m r ON r.reply_to = mn.id AND r.author_key = mn.brand_key
            GROUP BY mn.id, mn.t
        ),
        stats AS (
            SELECT mn.brand_key, count(*) AS mentions, count(a.rt) AS answered,
                   list_sort(list(a.rt) FILTER (WHERE a.rt IS NOT NULL)) AS times
            FROM mentions mn LEFT JOIN answered a ON a.id = mn.id
            GROUP BY GROUPING SETS ((mn.brand_key), ())
        ),
        rows AS (
            SELECT b.brand, coalesce(s.mentions, 0) AS mentions, coalesce(s.answered, 0) AS answered, coalesce(s.times, []) AS times
            FROM brands b LEFT JOIN stats s ON s.brand_key = b.author_key
            UNION ALL
            SELECT NULL, mentions, answered, times FROM stats WHERE brand_key IS NULL
        )
        SELECT brand, mentions, answered,
               CASE WHEN mentions > 0 THEN answered::DOUBLE / mentions END AS response_rate,
               list_avg(times) / 1000 AS mean,
               CASE WHEN len(times) % 2 = 1 THEN times[len(times) // 2 + 1]::DOUBLE
                    ELSE (times[len(times) // 2] + times[len(times) // 2 + 1]) / 2 END / 1000 AS median,
               times[(9 * len(times) + 9) // 10]::DOUBLE / 1000 AS p90,
               list_avg(times[1:(19 * len(times) + 19) // 20]) / 1000 AS trimmed_mean_95
        FROM rows
        """;
}
