using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Supervision;

public sealed class DebriefNowForm
{
    public string? Note { get; set; }
}

/// <summary>"I need to debrief now": an urgent request that tells the on-call supervisor, or every coordinator.</summary>
public sealed class RequestDebriefNow(
    PeerCircleDb db, UserManager<PeerCircleUser> users, AuditTrail audit, EmailSender email, IOptions<SupervisionOptions> options,
    IConfiguration configuration, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int MaxNoteLength = 1000;

    public async Task<string?> HandleAsync(string facilitatorId, DebriefNowForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Note is { Length: > MaxNoteLength })
        {
            return text["Please keep your note under 1,000 characters."];
        }
        var debrief = new Debrief
        {
            FacilitatorId = facilitatorId, Kind = DebriefKind.Urgent, Status = DebriefStatus.Requested,
            Request = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(),
            RequestedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Debriefs.Add(debrief);
        audit.StageChange(AuditActions.DebriefRequested, "Facilitator", facilitatorId);
        await db.SaveChangesAsync(cancellationToken);

        // The e-mail says only that someone asked; what they wrote stays inside PeerCircle.
        var baseUrl = (configuration["App:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');
        foreach (var address in await RecipientsAsync())
        {
            await email.SendAsync(address, text["A facilitator has asked for a debrief"],
                text["Hello,\n\nA facilitator has asked to debrief as soon as possible. Please sign in to PeerCircle and take the request:\n{0}\n\nThank you for looking after our facilitators.", $"{baseUrl}/supervision/debriefs"],
                cancellationToken);
        }
        return null;
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync()
    {
        if (options.Value.OnCallEmail is { Length: > 0 } onCall)
        {
            return [onCall];
        }
        return (await users.GetUsersInRoleAsync(Roles.Coordinator))
            .Where(u => u.EmailConfirmed && !string.IsNullOrEmpty(u.Email)).Select(u => u.Email!).ToList();
    }
}
