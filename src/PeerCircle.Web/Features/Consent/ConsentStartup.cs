using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.Web.Features.Consent;

/// <summary>
/// Records the member documents shipped with PeerCircle as versions at start-up. A shipped file is recorded under its
/// own <c>version</c> number the first time the app sees it; a release that raises the number brings in the new text,
/// unless a coordinator has published a version since the last shipped one, whose text then stays current.
/// </summary>
public static partial class ConsentStartup
{
    public static async Task SyncMemberDocumentsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var library = scope.ServiceProvider.GetRequiredService<ConsentLibrary>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<ConsentLibrary>>();

        await SyncAsync(db, library, time.GetUtcNow().UtcDateTime, log, cancellationToken);
    }

    /// <summary>Records each shipped document that is new; returns how many versions were added.</summary>
    internal static async Task<int> SyncAsync(PeerCircleDb db, ConsentLibrary library, DateTime now, ILogger log, CancellationToken cancellationToken)
    {
        var saved = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.MemberDocument)
            .Select(r => new { r.Slug, r.Number, r.Fingerprint, Edited = r.EditedById != null })
            .ToListAsync(cancellationToken);
        var bySlug = saved.ToLookup(r => r.Slug, StringComparer.Ordinal);
        var added = 0;
        foreach (var shipped in library.Shipped)
        {
            var fingerprint = CurriculumLibrary.Fingerprint(shipped.Source);
            var versions = bySlug[shipped.Slug].ToList();
            if (versions.Any(v => v.Fingerprint == fingerprint))
            {
                continue;
            }
            var latest = versions.MaxBy(v => v.Number);
            if (latest is not null && latest.Edited)
            {
                LogShippedChangeKept(log, shipped.Slug, shipped.Version, latest.Number);
                continue;
            }
            if (latest is not null && shipped.Version <= latest.Number)
            {
                LogShippedTextWithoutNewVersion(log, shipped.Slug, shipped.Version, latest.Number);
                continue;
            }
            db.ContentRevisions.Add(new ContentRevision
            {
                Kind = ContentKinds.MemberDocument,
                Slug = shipped.Slug,
                Number = shipped.Version,
                Source = shipped.Source,
                Fingerprint = fingerprint,
                Summary = latest is null ? "The text that comes with PeerCircle." : "Updated in a new PeerCircle release.",
                EditedByName = "PeerCircle",
                SavedAtUtc = now,
            });
            added++;
        }
        if (added == 0)
        {
            return 0;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return added;
        }
        catch (DbUpdateException ex)
        {
            // Another instance of the app recorded the same version while this one was starting.
            LogRecordedElsewhere(log, ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shipped text of {Slug} (version {Shipped}) is new, but a coordinator published version {Number}; theirs stays current. A coordinator can bring in the release's changes by publishing again.")]
    private static partial void LogShippedChangeKept(ILogger logger, string slug, int shipped, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shipped text of {Slug} changed but its version ({Shipped}) is not above the newest recorded version {Number}; raise the version in the file to publish it.")]
    private static partial void LogShippedTextWithoutNewVersion(ILogger logger, string slug, int shipped, int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member documents were recorded by another instance at the same time.")]
    private static partial void LogRecordedElsewhere(ILogger logger, Exception exception);
}
