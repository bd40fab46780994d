using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;

namespace PeerCircle.Web.Features.Training;

public sealed record ContentVersionInfo(int Number, string Fingerprint, string Summary, string EditedByName, bool ByCoordinator, DateTime SavedAtUtc);

public sealed record PassedVersion(int? Number, DateTime PassedAtUtc, bool IsCurrent);

/// <summary>
/// The saved versions of versioned content: the history of a module or a meeting topic, and which module version a
/// learner passed. The text shipped with PeerCircle is recorded as a version the first time the app starts with it;
/// each coordinator edit adds the next number and becomes what people see.
/// </summary>
public sealed class ContentVersions(PeerCircleDb db, CurriculumLibrary curriculum)
{
    public async Task<IReadOnlyList<ContentVersionInfo>> HistoryAsync(string slug, CancellationToken cancellationToken, string kind = ContentKinds.Module) =>
        await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind && r.Slug == slug)
            .OrderByDescending(r => r.Number)
            .Select(r => new ContentVersionInfo(r.Number, r.Fingerprint, r.Summary, r.EditedByName, r.EditedById != null, r.SavedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>The newest version of every module: number, date and who saved it, for the curriculum table.</summary>
    public async Task<IReadOnlyDictionary<string, ContentVersionInfo>> LatestAsync(CancellationToken cancellationToken)
    {
        var all = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.Module)
            .Select(r => new { r.Slug, Info = new ContentVersionInfo(r.Number, r.Fingerprint, r.Summary, r.EditedByName, r.EditedById != null, r.SavedAtUtc) })
            .ToListAsync(cancellationToken);
        return all.GroupBy(r => r.Slug).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Info.Number)!.Info, StringComparer.Ordinal);
    }

    /// <summary>One earlier (or the current) version, parsed for reading; null when there is no such number.</summary>
    public async Task<TrainingModule?> ReadAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var revision = await db.ContentRevisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Kind == ContentKinds.Module && r.Slug == slug && r.Number == number, cancellationToken);
        if (revision is null)
        {
            return null;
        }
        var module = CurriculumLibrary.ParseModule(slug, revision.Source);
        module.Number = revision.Number;
        return module;
    }

    /// <summary>The version a learner last passed, so the module page can tell them when it has changed since.</summary>
    public async Task<PassedVersion?> PassedAsync(string userId, string slug, CancellationToken cancellationToken)
    {
        var pass = await db.ModuleAttempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.ModuleSlug == slug && a.Passed)
            .OrderByDescending(a => a.AttemptedAtUtc)
            .Select(a => new { a.ModuleVersion, a.AttemptedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (pass is null)
        {
            return null;
        }
        var number = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.Module && r.Slug == slug && r.Fingerprint == pass.ModuleVersion)
            .Select(r => (int?)r.Number)
            .MaxAsync(cancellationToken);
        var current = curriculum.Module(slug);
        return new PassedVersion(number, pass.AttemptedAtUtc, current?.Version == pass.ModuleVersion);
    }
}
