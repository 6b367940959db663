namespace PolicyLoop.Bench.Ingest;

/// <summary>The fixed vocabularies the log generator draws from: sources with their rules, paths and agents.</summary>
internal static class TrafficVocabulary
{
    public static readonly (string Source, double Share)[] Sources =
    [
        ("nginx", 0.30), ("aws-waf", 0.25), ("opa", 0.20), ("modsecurity", 0.10), ("moderation", 0.10), ("apache", 0.05),
    ];

    public static readonly string[] WafRules =
    [
        "AWS-AWSManagedRulesCommonRuleSet", "AWS-AWSManagedRulesSQLiRuleSet", "AWS-AWSManagedRulesKnownBadInputsRuleSet",
        "AWS-AWSManagedRulesBotControlRuleSet", "RateLimit-Login", "RateLimit-API", "GeoBlock-Sanctioned",
        "AWS-AWSManagedRulesAmazonIpReputationList", "AllowPartnerRanges", "BlockOldTls",
    ];

    public static readonly string[] OpaRules =
    [
        "data.authz.deny_missing_scope", "data.authz.deny_tenant_mismatch", "data.authz.deny_admin_path",
        "data.authz.deny_expired_token", "data.authz.deny_role", "data.authz.allow_service_account",
    ];

    public static readonly string[] ModSecurityRules =
    [
        "942100", "941100", "930120", "920350", "913100", "949110", "932160", "921130", "942430", "920420",
    ];

    public static readonly string[] ModerationCategories =
    [
        "harassment", "hate", "self-harm", "sexual", "violence", "political", "illicit",
    ];

    public static readonly string[] Reasons =
    [
        "SQL Injection Attack Detected via libinjection", "XSS Attack Detected via libinjection",
        "Request rate above limit", "missing required scope orders:write", "tenant in token does not match path",
        "Inbound Anomaly Score Exceeded (Total Score: 10)", "Host header is a numeric IP address",
        "category score above threshold", "known bad user agent", "request from sanctioned region",
    ];

    public static readonly string[] Hosts =
    [
        "api.example.com", "www.example.com", "auth.example.com", "cdn.example.com", "partner.example.net",
        "admin.example.com", "chat.example.ai",
    ];

    public static readonly string[] PathTemplates =
    [
        "/v1/orders/{id}", "/v1/users/{id}/profile", "/login", "/api/search", "/static/app.{id}.js", "/v1/chat",
        "/wp-login.php", "/v1/orders", "/health", "/v2/tenants/{id}/invoices", "/admin/settings", "/images/{id}.png",
        "/v1/payments/{id}/refund", "/.env", "/graphql", "/v1/moderate", "/cart/{id}", "/products/{id}/reviews",
    ];

    public static readonly string[] Queries =
    [
        "page=2&size=50", "q=running+shoes", "id=1%27%20OR%201%3D1--", "redirect=%2Fhome", "lang=en", "sort=price",
        "token=redacted", "search=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ];

    // Machine clients come first: most traffic through gateways and policy engines is API calls.
    public static readonly string[] UserAgents =
    [
        "okhttp/4.12.0", "python-requests/2.32.3",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Go-http-client/2.0", "curl/8.10.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "sqlmap/1.8.11#stable (https://sqlmap.org)", "Mozilla/5.0 zgrab/0.x", "PostmanRuntime/7.42.0",
    ];

    public static readonly string[] Referers =
    [
        "https://www.example.com/", "https://www.google.com/", "https://partner.example.net/checkout",
        "https://www.example.com/cart", "android-app://com.example.shop/",
    ];

    public static readonly string[] Countries =
    [
        "US", "DE", "GB", "FR", "IN", "BR", "CN", "RU", "NL", "JP", "CA", "SG", "VN", "NG", "UA",
    ];

    public static readonly string[] Partners = ["acme", "globex", "initech", "umbrella"];
}
