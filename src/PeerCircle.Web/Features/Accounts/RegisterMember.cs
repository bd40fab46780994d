using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Accounts;

public sealed class RegistrationForm
{
    public string? FullName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>A person signs themselves up as a member (18 or older) and confirms their e-mail address.</summary>
public sealed class RegisterMember(
    PeerCircleDb db, UserManager<PeerCircleUser> users, EmailSender email, AccountLinks links, AuditTrail audit,
    TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public async Task<Dictionary<string, string[]>> HandleAsync(RegistrationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var fullName = form.FullName?.Trim() ?? "";
        if (fullName.Length == 0)
        {
            Fail("FullName", text["Please enter your name."]);
        }
        else if (fullName.Length > AccountLimits.NameMax)
        {
            Fail("FullName", text["Your name is too long. Please keep it under {0} characters.", AccountLimits.NameMax]);
        }

        var displayName = form.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0)
        {
            Fail("DisplayName", text["Please choose the name others will see in groups, like your first name and last initial."]);
        }
        else if (displayName.Length > AccountLimits.DisplayNameMax)
        {
            Fail("DisplayName", text["Please keep the name others see under {0} characters.", AccountLimits.DisplayNameMax]);
        }

        var address = form.Email?.Trim() ?? "";
        if (!IsEmail(address))
        {
            Fail("Email", text["Please enter your e-mail address, like name@example.com."]);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!DateOnly.TryParseExact(form.DateOfBirth?.Trim(), "yyyy-MM-dd", out var birth) || birth > today || birth.Year < 1900)
        {
            Fail("DateOfBirth", text["Please enter your date of birth, like 1970-05-31."]);
        }
        else if (birth.AddYears(AccountLimits.MinimumAge) > today)
        {
            Fail("DateOfBirth", text["PeerCircle groups are for adults 18 and older. If you are younger, please ask your care team about support for teens and young people."]);
        }

        if (form.Password != form.ConfirmPassword)
        {
            Fail("ConfirmPassword", text["The two passwords do not match."]);
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var existing = await users.FindByEmailAsync(address);
        if (existing is not null)
        {
            // Same answer as a new sign-up, so this form cannot be used to learn who is in the program.
            await email.SendAsync(address, text["You already have a PeerCircle account"],
                text["Someone (maybe you) tried to sign up with this e-mail address. You already have an account. Sign in here: {0}\n\nIf you forgot your password, use \"Forgot your password?\" on that page. If this was not you, you can ignore this message.", links.SignIn],
                cancellationToken);
            return errors;
        }

        var user = new PeerCircleUser
        {
            UserName = address,
            Email = address,
            FullName = fullName,
            DisplayName = displayName,
            DateOfBirth = birth,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, form.Password ?? "");
        if (!created.Succeeded)
        {
            errors["Password"] = created.Errors.Select(e => Describe(e)).ToArray();
            return errors;
        }
        await users.AddToRoleAsync(user, Roles.Member);
        audit.StageChange(AuditActions.AccountRegistered, "Member", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await email.SendAsync(address, text["Please confirm your e-mail address"],
            text["Welcome to PeerCircle, {0}.\n\nPlease confirm your e-mail address by opening this link:\n{1}\n\nIf you did not sign up, you can ignore this message.\n\nIf you need help right now, crisis lines are listed here: {2}", displayName, links.ConfirmEmail(user.Id, token), links.Help],
            cancellationToken);
        return errors;
    }

    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => text["Please use a password of at least 12 characters. A few unrelated words together work well."],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => text["Please use a password with more different characters."],
        _ => error.Description,
    };

    internal static bool IsEmail(string value) =>
        value.Length is > 3 and <= 254 && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal);
}
