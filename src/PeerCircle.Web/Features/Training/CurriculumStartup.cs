using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;

namespace PeerCircle.Web.Features.Training;

/// <summary>
/// Brings the shipped modules and the saved versions together at start-up: shipped text not yet recorded becomes a
/// version (unless a coordinator has edited that module, whose edit stays current), and the newest saved version of
/// each module is what learners see.
/// </summary>
public static partial class CurriculumStartup
{
    public static async Task SyncCurriculumAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var curriculum = scope.ServiceProvider.GetRequiredService<CurriculumLibrary>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<CurriculumLibrary>>();

        var saved = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.Module)
            .Select(r => new { r.Id, r.Slug, r.Number, r.Fingerprint, Edited = r.EditedById != null })
            .ToListAsync(cancellationToken);
        var bySlug = saved.ToLookup(r => r.Slug, StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var shipped in curriculum.Modules.ToList())
        {
            var versions = bySlug[shipped.Slug].ToList();
            var latest = versions.MaxBy(v => v.Number);
            var shippedKnown = versions.Any(v => v.Fingerprint == shipped.Version);
            if (latest is null || (!shippedKnown && !versions.Any(v => v.Edited)))
            {
                var number = (latest?.Number ?? 0) + 1;
                db.ContentRevisions.Add(new ContentRevision
                {
                    Kind = ContentKinds.Module,
                    Slug = shipped.Slug,
                    Number = number,
                    Source = shipped.Source,
                    Fingerprint = shipped.Version,
                    Summary = number == 1 ? "The text that comes with PeerCircle." : "Updated in a new PeerCircle release.",
                    EditedByName = "PeerCircle",
                    SavedAtUtc = now,
                });
                shipped.Number = number;
                continue;
            }
            if (!shippedKnown)
            {
                LogShippedChangeKept(log, shipped.Slug, latest.Number);
            }
            if (latest.Fingerprint == shipped.Version)
            {
                shipped.Number = latest.Number;
                continue;
            }
            var source = await db.ContentRevisions.AsNoTracking().Where(r => r.Id == latest.Id).Select(r => r.Source).SingleAsync(cancellationToken);
            try
            {
                var edited = CurriculumLibrary.ParseModule(shipped.Slug, source);
                edited.Number = latest.Number;
                curriculum.Publish(edited);
            }
            catch (InvalidDataException ex)
            {
                LogSavedVersionUnreadable(log, ex, shipped.Slug, latest.Number);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shipped text of module {Slug} changed, but coordinators edited it; their version {Number} stays current. A coordinator can bring in the release's changes with an edit.")]
    private static partial void LogShippedChangeKept(ILogger logger, string slug, int number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saved version {Number} of module {Slug} no longer reads; the shipped text is shown instead.")]
    private static partial void LogSavedVersionUnreadable(ILogger logger, Exception exception, string slug, int number);
}
