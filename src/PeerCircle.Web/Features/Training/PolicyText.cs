using System.Security.Cryptography;
using System.Text;

namespace PeerCircle.Web.Features.Training;

public static class PolicyText
{
    /// <summary>The fingerprint stored with a signature, so anyone can later prove which exact text was signed.</summary>
    public static string Sha256(TrainingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policy.Body)));
    }
}
