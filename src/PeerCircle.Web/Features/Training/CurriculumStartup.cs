using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Features.Topics;

namespace PeerCircle.Web.Features.Training;

/// <summary>One piece of shipped content to bring together with its saved versions.</summary>
public sealed record ShippedContent(string Slug, string Source, string Fingerprint, Action<int> SetNumber);

/// <summary>
/// Brings shipped content (modules, meeting topics) together with its saved versions at start-up: shipped text not yet
/// recorded becomes a version (unless a coordinator has edited that item, whose edit stays current), and the newest
/// saved version of each item is what people see.
/// </summary>
public static partial class CurriculumStartup
{
    public static async Task SyncCurriculumAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var curriculum = scope.ServiceProvider.GetRequiredService<CurriculumLibrary>();
        var topics = scope.ServiceProvider.GetRequiredService<TopicLibrary>();
        await SyncAsync(scope.ServiceProvider, ContentKinds.Module,
            [.. curriculum.Modules.Select(m => new ShippedContent(m.Slug, m.Source, m.Version, n => m.Number = n))],
            (slug, source, number) =>
            {
                var edited = CurriculumLibrary.ParseModule(slug, source);
                edited.Number = number;
                curriculum.Publish(edited);
            },
            cancellationToken);
        await SyncAsync(scope.ServiceProvider, ContentKinds.Topic,
            [.. topics.Topics.Select(t => new ShippedContent(t.Slug, t.Source, t.Version, n => t.Number = n))],
            (slug, source, number) =>
            {
                var edited = TopicLibrary.Parse(slug, source);
                edited.Number = number;
                topics.Publish(edited);
            },
            cancellationToken);
    }

    private static async Task SyncAsync(
        IServiceProvider services, string kind, IReadOnlyList<ShippedContent> shippedItems, Action<string, string, int> publishSaved,
        CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PeerCircleDb>();
        var time = services.GetRequiredService<TimeProvider>();
        var log = services.GetRequiredService<ILogger<CurriculumLibrary>>();
        var saved = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == kind)
            .Select(r => new { r.Id, r.Slug, r.Number, r.Fingerprint, Edited = r.EditedById != null })
            .ToListAsync(cancellationToken);
        var bySlug = saved.ToLookup(r => r.Slug, StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var shipped in shippedItems)
        {
            var versions = bySlug[shipped.Slug].ToList();
            var latest = versions.MaxBy(v => v.Number);
            var shippedKnown = versions.Any(v => v.Fingerprint == shipped.Fingerprint);
            if (latest is null || (!shippedKnown && !versions.Any(v => v.Edited)))
            {
                var number = (latest?.Number ?? 0) + 1;
                db.ContentRevisions.Add(new ContentRevision
                {
                    Kind = kind,
                    Slug = shipped.Slug,
                    Number = number,
                    Source = shipped.Source,
                    Fingerprint = shipped.Fingerprint,
                    Summary = number == 1 ? "The text that comes with PeerCircle." : "Updated in a new PeerCircle release.",
                    EditedByName = "PeerCircle",
                    SavedAtUtc = now,
                });
                shipped.SetNumber(number);
                continue;
            }
            if (!shippedKnown)
            {
                LogShippedChangeKept(log, kind, shipped.Slug, latest.Number);
            }
            if (latest.Fingerprint == shipped.Fingerprint)
            {
                shipped.SetNumber(latest.Number);
                continue;
            }
            var source = await db.ContentRevisions.AsNoTracking().Where(r => r.Id == latest.Id).Select(r => r.Source).SingleAsync(cancellationToken);
            try
            {
                publishSaved(shipped.Slug, source, latest.Number);
            }
            catch (InvalidDataException ex)
            {
                LogSavedVersionUnreadable(log, ex, kind, shipped.Slug, latest.Number);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shipped text of {Kind} {Slug} changed, but coordinators edited it; their version {Number} stays current. A coordinator can bring in the release's changes with an edit.")]
    private static partial void LogShippedChangeKept(ILogger logger, string kind, string slug, int number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saved version {Number} of {Kind} {Slug} no longer reads; the shipped text is shown instead.")]
    private static partial void LogSavedVersionUnreadable(ILogger logger, Exception exception, string kind, string slug, int number);
}
