using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Safety.Resources;

public sealed record ImportResult(int Added, int Updated, IReadOnlyList<string> Problems)
{
    public bool Saved => Problems.Count == 0;
}

/// <summary>
/// Imports resources from an HSDS file. Every row is checked with the same rules as the coordinator's form; if any row
/// has a problem nothing is saved and each problem is named by its row. Services whose id matches a resource update it.
/// </summary>
public sealed class ImportResources(PeerCircleDb db, ZipGazetteer gazetteer, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int MaxBytes = 5_000_000;

    public async Task<ImportResult> HandleAsync(HsdsFile file, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problems = new List<string>(file.Problems.Select(p => text[p].Value));
        if (problems.Count == 0 && file.Rows.Count == 0)
        {
            problems.Add(text["The file holds no resources."]);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var checkedRows = new List<(Guid Id, ResourceValues Values)>();
        var seen = new HashSet<Guid>();
        foreach (var row in file.Rows)
        {
            var (values, errors) = ResourceRules.Validate(row.Form, gazetteer, today, text);
            foreach (var message in errors.Values.SelectMany(m => m))
            {
                problems.Add(text["{0}: {1}", row.Where, message]);
            }
            var id = string.IsNullOrWhiteSpace(row.Form.Id) ? Guid.NewGuid()
                : Guid.TryParse(row.Form.Id, out var parsed) ? parsed : Hsds.StableId(row.Form.Id);
            if (!seen.Add(id))
            {
                problems.Add(text["{0}: the id “{1}” is used by another row too. Each service needs its own id.", row.Where, row.Form.Id ?? ""]);
            }
            if (values is not null)
            {
                checkedRows.Add((id, values));
            }
        }
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, problems);
        }

        var ids = checkedRows.Select(r => r.Id).ToList();
        var existing = await db.Resources.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0;
        foreach (var (id, values) in checkedRows)
        {
            if (existing.TryGetValue(id, out var resource))
            {
                updated++;
            }
            else
            {
                resource = new Resource { Id = id, CreatedAtUtc = now };
                db.Resources.Add(resource);
                added++;
            }
            values.CopyTo(resource);
            resource.UpdatedAtUtc = now;
        }
        audit.StageChange(AuditActions.ResourcesImported, "Resource", "directory", $"{source}: {added} added, {updated} updated");
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(added, updated, []);
    }
}
