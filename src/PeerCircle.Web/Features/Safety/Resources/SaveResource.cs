using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Safety.Resources;

public sealed record SaveResourceResult(Guid? ResourceId, Dictionary<string, string[]> Errors);

/// <summary>Adds or edits a resource in the directory, deactivates it, or marks it reviewed today. Every change is audited.</summary>
public sealed class SaveResource(PeerCircleDb db, ZipGazetteer gazetteer, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<SaveResourceResult> HandleAsync(Guid? existingId, ResourceForm form, CancellationToken cancellationToken)
    {
        var (values, errors) = ResourceRules.Validate(form, gazetteer, Today, text);
        Resource? resource = null;
        if (existingId is { } id)
        {
            resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (resource is null)
            {
                errors["Name"] = [text["This resource is no longer in the directory."]];
            }
        }
        if (values is null || errors.Count > 0)
        {
            return new SaveResourceResult(null, errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (resource is null)
        {
            resource = new Resource { Id = Guid.NewGuid(), CreatedAtUtc = now };
            db.Resources.Add(resource);
            values.CopyTo(resource);
            resource.UpdatedAtUtc = now;
            audit.StageChange(AuditActions.ResourceAdded, "Resource", resource.Id.ToString(), resource.Name);
        }
        else
        {
            values.CopyTo(resource);
            resource.UpdatedAtUtc = now;
            audit.StageChange(AuditActions.ResourceChanged, "Resource", resource.Id.ToString(), $"edited: {resource.Name}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResourceResult(resource.Id, errors);
    }

    /// <summary>Marks a resource reviewed today, deactivates it, or makes it active again. Returns false when it does not exist.</summary>
    public async Task<bool> ChangeAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return false;
        }
        switch (action)
        {
            case "reviewed":
                resource.LastReviewedOn = Today;
                break;
            case "deactivate":
                resource.Active = false;
                break;
            case "activate":
                resource.Active = true;
                break;
            default:
                return false;
        }
        resource.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.StageChange(AuditActions.ResourceChanged, "Resource", resource.Id.ToString(), $"{action}: {resource.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
