namespace PolicyLoop.Storage;

/// <summary>
/// The store's tables, as ordered migrations. Migration n brings a store from schema version n-1
/// to n; the <c>schema_version</c> table records which have run.
/// </summary>
internal static class StoreSchema
{
    public const string EventColumns = """
        event_id VARCHAR NOT NULL,
        time TIMESTAMP NOT NULL,
        source VARCHAR NOT NULL,
        decision VARCHAR NOT NULL,
        mode VARCHAR NOT NULL,
        policy_id VARCHAR,
        policy_version VARCHAR,
        rule_id VARCHAR,
        matched_rules VARCHAR[],
        reason VARCHAR,
        client_ip VARCHAR,
        user_id VARCHAR,
        roles VARCHAR[],
        session_id VARCHAR,
        tenant VARCHAR,
        method VARCHAR,
        host VARCHAR,
        path VARCHAR,
        query VARCHAR,
        status INTEGER,
        user_agent VARCHAR,
        referer VARCHAR,
        bytes BIGINT,
        content VARCHAR,
        scores JSON,
        country VARCHAR,
        asn VARCHAR,
        org VARCHAR,
        labels JSON,
        attributes JSON,
        raw VARCHAR,
        lenient BOOLEAN NOT NULL,
        input_file VARCHAR,
        input_line BIGINT,
        input_offset BIGINT,
        ingested_at TIMESTAMP NOT NULL
        """;

    public static IReadOnlyList<string> Migrations { get; } =
    [
        $"""
        CREATE TABLE events ({EventColumns}, PRIMARY KEY (event_id));
        CREATE TABLE ingest_staging ({EventColumns});
        CREATE TABLE quarantine (
            id VARCHAR PRIMARY KEY,
            input_file VARCHAR NOT NULL,
            line BIGINT NOT NULL,
            byte_offset BIGINT NOT NULL,
            format VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            raw VARCHAR NOT NULL,
            raw_truncated BOOLEAN NOT NULL,
            raw_base64 VARCHAR,
            quarantined_at TIMESTAMP NOT NULL);
        """,

        // Batches are staged in a temporary table of the connection now, which never reaches the file.
        "DROP TABLE ingest_staging;",
        """
        CREATE TABLE baseline_buckets (
            scope_level VARCHAR NOT NULL,
            bucket_seconds INTEGER NOT NULL,
            source VARCHAR NOT NULL,
            policy_id VARCHAR NOT NULL,
            rule_id VARCHAR NOT NULL,
            bucket_start TIMESTAMP NOT NULL,
            total BIGINT NOT NULL,
            rejects BIGINT NOT NULL);
        CREATE TABLE baseline_watermarks (
            scope_level VARCHAR NOT NULL,
            bucket_seconds INTEGER NOT NULL,
            ingested_through TIMESTAMP NOT NULL,
            PRIMARY KEY (scope_level, bucket_seconds));
        CREATE TABLE alert_log (
            alert_id VARCHAR PRIMARY KEY,
            scope VARCHAR NOT NULL,
            detector VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            bucket_start TIMESTAMP NOT NULL,
            payload JSON NOT NULL,
            sent_at TIMESTAMP NOT NULL);
        """,

        // Review: batches of sampled rejects and labels. Labels are append-only; the newest per
        // event is its current label and the rest are its history.
        """
        CREATE TABLE review_batches (
            name VARCHAR PRIMARY KEY,
            strategy VARCHAR NOT NULL,
            seed UBIGINT NOT NULL,
            policy_id VARCHAR,
            policy_version VARCHAR,
            policy_file VARCHAR,
            arguments VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL);
        CREATE TABLE review_samples (
            batch VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            rule_id VARCHAR NOT NULL,
            policy_id VARCHAR,
            policy_version VARCHAR,
            stratum VARCHAR NOT NULL,
            inclusion_probability DOUBLE,
            PRIMARY KEY (batch, event_id));
        CREATE SEQUENCE review_label_sequence;
        CREATE TABLE review_labels (
            sequence BIGINT NOT NULL DEFAULT nextval('review_label_sequence'),
            event_id VARCHAR NOT NULL,
            batch VARCHAR,
            label VARCHAR NOT NULL,
            reviewer VARCHAR NOT NULL,
            note VARCHAR,
            rule_id VARCHAR NOT NULL,
            policy_id VARCHAR,
            policy_version VARCHAR,
            labelled_at TIMESTAMP NOT NULL);
        """,

        // The message templates of each rule's rejects, replaced as a whole by every mining run.
        """
        CREATE TABLE rule_templates (
            rule_id VARCHAR NOT NULL,
            template_id VARCHAR NOT NULL,
            template VARCHAR NOT NULL,
            events BIGINT NOT NULL,
            mined_at TIMESTAMP NOT NULL,
            PRIMARY KEY (rule_id, template_id));
        """,

        // Segmented baselines keep their segment value here; the segment attribute is part of scope_level.
        "ALTER TABLE baseline_buckets ADD COLUMN segment VARCHAR DEFAULT '';",
    ];
}
