namespace PolicyLoop.Core.Baselines;

/// <summary>An event attribute that splits every scope further, one baseline per value.</summary>
public enum Segment
{
    /// <summary>No split.</summary>
    None,

    /// <summary>The client's IPv4 /24 network, such as <c>192.0.2.0/24</c>; other addresses as they are.</summary>
    Client24,

    /// <summary>The country code of the client.</summary>
    Country,

    /// <summary>The autonomous system number of the client.</summary>
    Asn,

    /// <summary>The tenant.</summary>
    Tenant,

    /// <summary>The requested host.</summary>
    Host,
}
