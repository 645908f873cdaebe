namespace Aspire.Hosting.ApplicationModel;

/// <summary>The scheme of the AWS Network Load Balancer in front of a data-plane group.</summary>
public enum AwsLoadBalancerScheme
{
    /// <summary>Reachable from the internet (<c>internet-facing</c>).</summary>
    InternetFacing,

    /// <summary>Reachable only from inside the VPC (<c>internal</c>).</summary>
    Internal,
}
