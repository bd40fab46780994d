using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Web.Infrastructure.Auth;

/// <summary>The list of leaked, common passwords shipped in <c>content/security</c>.</summary>
public sealed class CommonPasswordList
{
    private readonly FrozenSet<string> _passwords;

    public CommonPasswordList(string path)
    {
        _passwords = File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Trim().ToLowerInvariant())
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password.Trim().ToLowerInvariant());

    public static CommonPasswordList LoadShipped() =>
        new(Path.Combine(AppContext.BaseDirectory, "content", "security", "common-passwords.txt"));
}

public sealed class CommonPasswordValidator(CommonPasswordList list) : IPasswordValidator<PeerCircleUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PeerCircleUser> manager, PeerCircleUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var lowered = password.ToLowerInvariant();
        var emailName = user.Email?.Split('@')[0].ToLowerInvariant();
        if (list.Contains(password) || (emailName is { Length: >= 4 } && lowered.Contains(emailName, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too easy to guess. It is on a list of common or leaked passwords, or contains your e-mail name. Try a few unrelated words together.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
