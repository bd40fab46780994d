using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Accounts;

public sealed class StaffInvitationForm
{
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public string[]? Roles { get; set; }
}

public sealed record InvitationResult(Dictionary<string, string[]> Errors, string? SetPasswordLink, bool ExistingAccount);

/// <summary>
/// A coordinator invites a facilitator, clinician or coordinator. New people get a one-time link to choose a password;
/// people who already have an account (a member training as a facilitator) simply gain the role.
/// </summary>
public sealed class InviteStaff(
    PeerCircleDb db, UserManager<PeerCircleUser> users, EmailSender email, AccountLinks links, AuditTrail audit,
    TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public async Task<InvitationResult> HandleAsync(StaffInvitationForm form, string auditAction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var fullName = form.FullName?.Trim() ?? "";
        if (fullName.Length is 0 or > AccountLimits.NameMax)
        {
            errors["FullName"] = [text["Please enter the person's name (up to {0} characters).", AccountLimits.NameMax]];
        }
        var address = form.Email?.Trim() ?? "";
        if (!RegisterMember.IsEmail(address))
        {
            errors["Email"] = [text["Please enter their e-mail address, like name@example.com."]];
        }
        var roles = (form.Roles ?? []).Distinct().ToList();
        if (roles.Count == 0 || roles.Any(r => !Data.Accounts.Roles.Staff.Contains(r)))
        {
            errors["Roles"] = [text["Please choose at least one staff role."]];
        }
        if (errors.Count > 0)
        {
            return new InvitationResult(errors, null, false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(address);
        var existing = user is not null;
        if (user is null)
        {
            user = new PeerCircleUser
            {
                UserName = address,
                Email = address,
                FullName = fullName,
                DisplayName = ShortName(fullName),
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new InvitationResult(new() { ["Email"] = created.Errors.Select(e => e.Description).ToArray() }, null, false);
            }
        }
        foreach (var role in roles)
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                await users.AddToRoleAsync(user, role);
            }
        }
        audit.StageChange(auditAction, "Staff", user.Id, string.Join(", ", roles));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var roleList = string.Join(", ", roles.Select(r => text[r].Value));
        if (existing && await users.HasPasswordAsync(user))
        {
            await email.SendAsync(address, text["You have a new role in PeerCircle"],
                text["Hello {0},\n\nYou now have this role in PeerCircle: {1}. Sign in as usual to see your new pages: {2}", user.DisplayName, roleList, links.SignIn],
                cancellationToken);
            return new InvitationResult(errors, null, true);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.SetPassword(user.Id, token);
        await email.SendAsync(address, text["You are invited to PeerCircle"],
            text["Hello {0},\n\nYou have been invited to join PeerCircle as: {1}.\n\nChoose your password with this link. It works once and expires in 3 days:\n{2}\n\nCoordinators and clinicians will then set up two-step sign-in with an authenticator app.", fullName, roleList, link],
            cancellationToken);
        return new InvitationResult(errors, link, existing);
    }

    private static string ShortName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length > 1 ? $"{parts[0]} {parts[^1][0]}." : fullName;
        return name.Length > AccountLimits.DisplayNameMax ? name[..AccountLimits.DisplayNameMax] : name;
    }
}
